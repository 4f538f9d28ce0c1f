using System;
using System.IO;
using ProcNano;

namespace ProcNano.HostSim
{
    /// <summary>
    /// Host failures as the kernel's errnos. .NET on Unix raises UnauthorizedAccessException for EACCES/EPERM,
    /// FileNotFound/DirectoryNotFoundException for ENOENT, PathTooLongException for ENAMETOOLONG, and a plain
    /// IOException whose HResult is the raw errno for the rest (ENOSPC, EROFS, EISDIR, ENOTDIR, EIO...).
    /// </summary>
    public static class HostErrors
    {
        // Linux's numbers for the errnos .NET leaves in IOException.HResult.
        private const int HostEIO = 5, HostENXIO = 6, HostEACCES = 13, HostEEXIST = 17, HostENODEV = 19,
            HostENOTDIR = 20, HostEISDIR = 21, HostEFBIG = 27, HostENOSPC = 28, HostEROFS = 30, HostELOOP = 40,
            HostEDQUOT = 122;

        /// <summary>True for the exceptions a host file operation may raise (the ones to map, not to crash on).</summary>
        public static bool IsHostError(Exception e)
        {
            return e is IOException || e is UnauthorizedAccessException || e is ArgumentException
                || e is NotSupportedException || e is System.Security.SecurityException;
        }

        /// <summary>-errno for a host failure; EIO when nothing more precise is known.</summary>
        public static int Errno(Exception e)
        {
            if (e is UnauthorizedAccessException || e is System.Security.SecurityException) return -ProcNano.Errno.EACCES;
            if (e is FileNotFoundException) return -ProcNano.Errno.ENOENT;
            if (e is DirectoryNotFoundException) return -ProcNano.Errno.ENOENT;
            if (e is PathTooLongException) return -ProcNano.Errno.ENAMETOOLONG;
            if (e is ArgumentException || e is NotSupportedException) return -ProcNano.Errno.EINVAL;
            switch (e.HResult)
            {
                case HostEACCES: return -ProcNano.Errno.EACCES;
                case HostENOSPC:
                case HostEDQUOT:
                case HostEFBIG: return -ProcNano.Errno.ENOSPC;
                case HostEROFS: return -ProcNano.Errno.EROFS;
                case HostEISDIR: return -ProcNano.Errno.EISDIR;
                case HostENOTDIR: return -ProcNano.Errno.ENOTDIR;
                case HostEEXIST: return -ProcNano.Errno.EEXIST;
                case HostELOOP:
                case HostENXIO:
                case HostENODEV: return -ProcNano.Errno.EACCES;
                default: return -ProcNano.Errno.EIO;
            }
        }
    }
}
