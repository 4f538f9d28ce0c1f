using System.Reflection;

[assembly: AssemblyTitle("ProcNano")]
[assembly: AssemblyDescription("A tiny NOMMU memory manager and /proc tree for nanoFramework on ESP32")]
[assembly: AssemblyProduct("ProcNano")]
[assembly: AssemblyVersion("1.0.0.0")]
