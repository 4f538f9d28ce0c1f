namespace ProcNano.HostSim
{
    public static class EntryPoint
    {
        public static int Main(string[] args)
        {
            System.Console.WriteLine("procnano-sim: not yet wired");
            return 0;
        }
    }
}
