using System;
using System.IO;
using System.Linq;
using System.Reflection;

namespace ProcNano.Tests.Build
{
    /// <summary>Paths the build hands the test assembly (AssemblyMetadata in ProcNano.Tests.csproj).</summary>
    internal static class RepoPaths
    {
        private static string Metadata(string key)
        {
            string value = typeof(RepoPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .Where(a => a.Key == key).Select(a => a.Value).FirstOrDefault();
            if (value == null) throw new InvalidOperationException("AssemblyMetadata '" + key + "' is missing");
            return Path.GetFullPath(value);
        }

        public static string Root => Metadata("RepoRoot");
        public static string NanoKernelDll => Metadata("NanoKernelPath");
        /// <summary>firmware/App compiled through the stand-ins (firmware/App.Nano).</summary>
        public static string AppNanoDll => Metadata("AppNanoPath");
        /// <summary>The device glue's unit tests, with their test doubles of the nanoFramework APIs.</summary>
        public static string AppTestsDll => Metadata("AppTestsPath");
        public static string NanoMscorlibDll => Metadata("NanoMscorlibPath");

        public static string Combine(params string[] parts) => Path.Combine(new[] { Root }.Concat(parts).ToArray());

        /// <summary>Repo-relative path with forward slashes, for messages.</summary>
        public static string Relative(string path) => Path.GetRelativePath(Root, path).Replace('\\', '/');
    }
}
