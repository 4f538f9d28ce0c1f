using System.Reflection;

[assembly: AssemblyTitle("ProcNano self-test for the nanoFramework test runner")]
[assembly: AssemblyProduct("ProcNano")]
[assembly: AssemblyVersion("1.0.0.0")]
