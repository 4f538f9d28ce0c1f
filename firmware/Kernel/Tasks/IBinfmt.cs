namespace ProcNano
{
    /// <summary>
    /// A binary format the loader can start (Linux's linux_binfmt), registered at boot by the layer that owns the
    /// programs, so that the loader knows no program.
    /// </summary>
    public interface IBinfmt
    {
        /// <summary>Reads the header bytes into <paramref name="image"/>: 0, or -ENOEXEC when they are not a
        /// program of this format that can be started.</summary>
        int Parse(byte[] header, int len, ExecImage image);

        /// <summary>Runs the image's routine once its segments are mapped in <paramref name="t"/>: 0 leaves the
        /// task sleeping, <see cref="ExecImage.ExitNow"/> ends it, -errno fails the exec.</summary>
        int Start(ExecImage image, Task t, string[] argv);
    }
}
