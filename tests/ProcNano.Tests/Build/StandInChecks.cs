using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using Xunit;

namespace ProcNano.Tests.Build
{
    /// <summary>What every compile-time stand-in must be (firmware/StandIns/README.md): said to be never deployed,
    /// bodies that only throw, nothing its user does not call.</summary>
    internal static class StandInChecks
    {
        public static void AssertHeadersSayNeverDeployed(string dir)
        {
            foreach (string cs in Directory.GetFiles(dir, "*.cs"))
            {
                string head = string.Join("\n", System.IO.File.ReadLines(cs).TakeWhile(l => l.StartsWith("//")));
                Assert.True(head.Contains("Compile-time stand-in") && head.Contains("NEVER DEPLOYED"),
                    RepoPaths.Relative(cs) + ": the header must say it is a compile-time stand-in, never deployed");
            }
        }

        /// <summary>Methods of <paramref name="dll"/> whose body does not end in throw (abstract methods and the
        /// compiler's default constructors, which upstream has too, aside).</summary>
        public static List<string> BodiesThatDoNotThrow(string dll)
        {
            Assert.True(System.IO.File.Exists(dll), "stand-in not built: " + dll);
            var found = new List<string>();
            using var pe = new System.Reflection.PortableExecutable.PEReader(System.IO.File.OpenRead(dll));
            var md = pe.GetMetadataReader();
            foreach (var th in md.TypeDefinitions)
            {
                foreach (var mh in md.GetTypeDefinition(th).GetMethods())
                {
                    var m = md.GetMethodDefinition(mh);
                    if (m.RelativeVirtualAddress == 0) continue;   // abstract
                    byte[] il = pe.GetMethodBody(m.RelativeVirtualAddress).GetILBytes();
                    // The compiler's default constructor (ldarg.0, call base, ret).
                    if (md.GetString(m.Name) == ".ctor" && m.GetParameters().Count == 0 && il.Length <= 8 && il[il.Length - 1] == 0x2A) continue;
                    if (il.Length == 0 || il[il.Length - 1] != 0x7A)   // throw
                        found.Add(Path.GetFileName(dll) + ": " + md.GetString(md.GetTypeDefinition(th).Name) + "::" + md.GetString(m.Name));
                }
            }
            return found;
        }

        /// <summary>Public methods of stand-in <paramref name="dll"/> that <paramref name="user"/> never references.
        /// A property counts as used when any accessor is; FileStream's overrides implement Stream's abstract members.</summary>
        public static List<string> Unused(string dll, MetadataReader user)
        {
            var used = new HashSet<string>();
            foreach (var h in user.MemberReferences)
            {
                var r = user.GetMemberReference(h);
                used.Add(TypeOf(user, r.Parent) + "::" + Property(user.GetString(r.Name)));
            }
            var unused = new List<string>();
            foreach (string line in ApiSurface.Of(dll).Where(l => l.StartsWith("M ")))
            {
                string member = line.Substring(2, line.IndexOf('(') - 2);
                member = member.Substring(0, member.IndexOf("::") + 2) + Property(member.Substring(member.IndexOf("::") + 2));
                if (member.EndsWith("::.ctor") && line.Contains("::.ctor():")) continue;   // the compiler's default constructor
                bool isOverride = line.StartsWith("M System.IO.FileStream::");
                bool inherited = member.StartsWith("System.IO.Stream::") && used.Contains(member.Replace("System.IO.Stream::", "System.IO.FileStream::"));
                if (!used.Contains(member) && !isOverride && !inherited && !member.EndsWith("::Dispose")) unused.Add(line);
            }
            return unused;
        }

        private static string Property(string member) =>
            member.StartsWith("get_") || member.StartsWith("set_") ? member.Substring(4) : member;

        private static string TypeOf(MetadataReader md, EntityHandle parent)
        {
            if (parent.Kind != HandleKind.TypeReference) return "?";
            var t = md.GetTypeReference((TypeReferenceHandle)parent);
            return md.GetString(t.Namespace) + "." + md.GetString(t.Name);
        }
    }
}
