using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace ProcNano.Tests.Build
{
    /// <summary>
    /// The public surface of a compiled assembly as comparable lines, read from its metadata (so nanoFramework
    /// assemblies can be read too): one per public type ("T ns.Name class sealed"), method ("M ns.Type::Name(
    /// System.Int32,System.Boolean=):System.Void static" — '=' marks a parameter with a default) and enum member
    /// ("F ns.Enum::Name=value"). A stand-in matches upstream when its lines are a subset of upstream's.
    /// </summary>
    internal static class ApiSurface
    {
        public static SortedSet<string> Of(string dll)
        {
            var lines = new SortedSet<string>(StringComparer.Ordinal);
            using var pe = new PEReader(System.IO.File.OpenRead(dll));
            var md = pe.GetMetadataReader();
            var names = new Names(md);
            foreach (var th in md.TypeDefinitions)
            {
                var t = md.GetTypeDefinition(th);
                var vis = t.Attributes & TypeAttributes.VisibilityMask;
                if (vis != TypeAttributes.Public && vis != TypeAttributes.NestedPublic) continue;
                string type = names.Of(th);
                bool isEnum = !t.BaseType.IsNil && names.Of(t.BaseType) == "System.Enum";
                string kind = isEnum ? "enum" : (t.Attributes & TypeAttributes.Interface) != 0 ? "interface" : "class";
                if (!isEnum && (t.Attributes & TypeAttributes.Abstract) != 0) kind += (t.Attributes & TypeAttributes.Sealed) != 0 ? " static" : " abstract";
                else if (!isEnum && (t.Attributes & TypeAttributes.Sealed) != 0) kind += " sealed";
                string baseType = t.BaseType.IsNil || isEnum ? "" : " : " + names.Of(t.BaseType);
                lines.Add("T " + type + " " + kind + baseType);
                foreach (var fh in t.GetFields())
                {
                    var f = md.GetFieldDefinition(fh);
                    if ((f.Attributes & FieldAttributes.FieldAccessMask) != FieldAttributes.Public || !isEnum || f.GetDefaultValue().IsNil) continue;
                    var c = md.GetConstant(f.GetDefaultValue());
                    lines.Add("F " + type + "::" + md.GetString(f.Name) + "=" + BitConverter.ToInt32(md.GetBlobBytes(c.Value).Concat(new byte[4]).ToArray(), 0));
                }
                foreach (var mh in t.GetMethods())
                {
                    var m = md.GetMethodDefinition(mh);
                    var access = m.Attributes & MethodAttributes.MemberAccessMask;
                    if (access != MethodAttributes.Public && access != MethodAttributes.Family) continue;
                    var sig = m.DecodeSignature(names, null);
                    var defaults = new HashSet<int>();
                    foreach (var ph in m.GetParameters())
                    {
                        var p = md.GetParameter(ph);
                        if (p.SequenceNumber > 0 && !p.GetDefaultValue().IsNil) defaults.Add(p.SequenceNumber - 1);
                    }
                    var ps = sig.ParameterTypes.Select((p, i) => p + (defaults.Contains(i) ? "=" : ""));
                    string mods = ((m.Attributes & MethodAttributes.Static) != 0 ? " static" : "")
                        + ((m.Attributes & MethodAttributes.Abstract) != 0 ? " abstract" : "")
                        + (access == MethodAttributes.Family ? " protected" : "");
                    lines.Add("M " + type + "::" + md.GetString(m.Name) + "(" + string.Join(",", ps) + "):" + sig.ReturnType + mods);
                }
            }
            return lines;
        }

        private sealed class Names : ISignatureTypeProvider<string, object>
        {
            private readonly MetadataReader _md;
            public Names(MetadataReader md) { _md = md; }

            public string Of(EntityHandle h) => h.Kind switch
            {
                HandleKind.TypeDefinition => Of((TypeDefinitionHandle)h),
                HandleKind.TypeReference => Ref((TypeReferenceHandle)h),
                _ => "?",
            };

            public string Of(TypeDefinitionHandle h)
            {
                var t = _md.GetTypeDefinition(h);
                string name = _md.GetString(t.Name);
                var outer = t.GetDeclaringType();
                return outer.IsNil ? Join(_md.GetString(t.Namespace), name) : Of(outer) + "+" + name;
            }

            private string Ref(TypeReferenceHandle h)
            {
                var r = _md.GetTypeReference(h);
                string name = _md.GetString(r.Name);
                return r.ResolutionScope.Kind == HandleKind.TypeReference
                    ? Ref((TypeReferenceHandle)r.ResolutionScope) + "+" + name
                    : Join(_md.GetString(r.Namespace), name);
            }

            private static string Join(string ns, string name) => ns.Length == 0 ? name : ns + "." + name;

            public string GetPrimitiveType(PrimitiveTypeCode c) => "System." + c switch
            {
                PrimitiveTypeCode.Void => "Void", PrimitiveTypeCode.Boolean => "Boolean", PrimitiveTypeCode.Char => "Char",
                PrimitiveTypeCode.SByte => "SByte", PrimitiveTypeCode.Byte => "Byte", PrimitiveTypeCode.Int16 => "Int16",
                PrimitiveTypeCode.UInt16 => "UInt16", PrimitiveTypeCode.Int32 => "Int32", PrimitiveTypeCode.UInt32 => "UInt32",
                PrimitiveTypeCode.Int64 => "Int64", PrimitiveTypeCode.UInt64 => "UInt64", PrimitiveTypeCode.Single => "Single",
                PrimitiveTypeCode.Double => "Double", PrimitiveTypeCode.String => "String", PrimitiveTypeCode.Object => "Object",
                PrimitiveTypeCode.IntPtr => "IntPtr", PrimitiveTypeCode.UIntPtr => "UIntPtr", _ => c.ToString(),
            };
            public string GetTypeFromDefinition(MetadataReader r, TypeDefinitionHandle h, byte k) => Of(h);
            public string GetTypeFromReference(MetadataReader r, TypeReferenceHandle h, byte k) => Ref(h);
            public string GetTypeFromSpecification(MetadataReader r, object c, TypeSpecificationHandle h, byte k) => "spec";
            public string GetSZArrayType(string e) => e + "[]";
            public string GetArrayType(string e, ArrayShape s) => e + "[" + new string(',', s.Rank - 1) + "]";
            public string GetByReferenceType(string e) => e + "&";
            public string GetPointerType(string e) => e + "*";
            public string GetGenericInstantiation(string g, ImmutableArray<string> a) => g + "<" + string.Join(",", a) + ">";
            public string GetGenericMethodParameter(object c, int i) => "!!" + i;
            public string GetGenericTypeParameter(object c, int i) => "!" + i;
            public string GetFunctionPointerType(MethodSignature<string> s) => "method*";
            public string GetModifiedType(string m, string u, bool r) => u;
            public string GetPinnedType(string e) => e;
        }
    }
}
