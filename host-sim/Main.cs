namespace ProcNano.HostSim
{
    public static class EntryPoint
    {
        public static int Main(string[] args)
        {
            return Simulator.Run(args);
        }
    }
}
