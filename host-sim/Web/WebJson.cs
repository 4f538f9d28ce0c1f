using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace ProcNano.HostSim.Web
{
    /// <summary>The JSON the web view and attach mode write, generated at build time: no reflection, so the
    /// Native AOT build of procnano-sim serialises exactly what the JIT build does.</summary>
    [JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
    [JsonSerializable(typeof(MemSnapshot))]
    [JsonSerializable(typeof(ProcView))]
    [JsonSerializable(typeof(List<long[]>))]
    [JsonSerializable(typeof(string))]
    internal sealed partial class WebJson : JsonSerializerContext
    {
    }

    /// <summary>The same, indented: attach mode's one snapshot on stdout, for people to read.</summary>
    [JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
    [JsonSerializable(typeof(MemSnapshot))]
    internal sealed partial class WebJsonIndented : JsonSerializerContext
    {
    }
}
