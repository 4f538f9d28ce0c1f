using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace ProcNano.Tests.Build
{
    /// <summary>
    /// Reads a compiled assembly's metadata and lists what nanoFramework's stable runtime cannot load although
    /// the C# compiler accepts it: references beyond mscorlib, generic definitions, generic instantiations
    /// (MethodSpec rows, generic TypeSpecs, generic types inside any signature) and multi-dimensional arrays.
    /// Each method returns human-readable findings; empty means clean.
    /// </summary>
    internal sealed class NanoAssemblyChecker : IDisposable
    {
        private readonly PEReader _pe;
        private readonly MetadataReader _md;

        public NanoAssemblyChecker(string path)
        {
            _pe = new PEReader(System.IO.File.OpenRead(path));
            _md = _pe.GetMetadataReader();
        }

        public void Dispose() => _pe.Dispose();

        public MetadataReader Reader => _md;

        /// <summary>Assembly references other than mscorlib and <paramref name="allowed"/>.</summary>
        public List<string> ForeignReferences(params string[] allowed)
        {
            var found = new List<string>();
            foreach (var h in _md.AssemblyReferences)
            {
                var r = _md.GetAssemblyReference(h);
                string name = _md.GetString(r.Name);
                if (name != "mscorlib" && Array.IndexOf(allowed, name) < 0) found.Add("references assembly " + name + " " + r.Version);
            }
            return found;
        }

        /// <summary>Names of the assemblies referenced.</summary>
        public List<string> ReferencedNames()
        {
            var names = new List<string>();
            foreach (var h in _md.AssemblyReferences) names.Add(_md.GetString(_md.GetAssemblyReference(h).Name));
            return names;
        }

        /// <summary>Types and methods that declare generic parameters.</summary>
        public List<string> GenericDefinitions()
        {
            var found = new List<string>();
            foreach (var th in _md.TypeDefinitions)
            {
                var t = _md.GetTypeDefinition(th);
                if (t.GetGenericParameters().Count > 0) found.Add("generic type " + TypeName(th));
                foreach (var mh in t.GetMethods())
                {
                    var m = _md.GetMethodDefinition(mh);
                    if (m.GetGenericParameters().Count > 0) found.Add("generic method " + TypeName(th) + "::" + _md.GetString(m.Name));
                }
            }
            return found;
        }

        /// <summary>MethodSpec rows: calls of generic methods with type arguments.</summary>
        public List<string> MethodSpecs()
        {
            var found = new List<string>();
            for (int row = 1; row <= _md.GetTableRowCount(TableIndex.MethodSpec); row++)
            {
                var spec = _md.GetMethodSpecification(MetadataTokens.MethodSpecificationHandle(row));
                var shape = new SignatureShape(_md);
                ImmutableArray<string> args = spec.DecodeSignature(shape, null);
                found.Add("generic method call " + MethodName(spec.Method) + "<" + string.Join(",", args) + ">");
            }
            return found;
        }

        /// <summary>TypeSpec rows that instantiate a generic type or describe a multi-dimensional array.</summary>
        public List<string> BadTypeSpecs()
        {
            var found = new List<string>();
            for (int row = 1; row <= _md.GetTableRowCount(TableIndex.TypeSpec); row++)
            {
                var spec = _md.GetTypeSpecification(MetadataTokens.TypeSpecificationHandle(row));
                var shape = new SignatureShape(_md);
                string text = spec.DecodeSignature(shape, null);
                if (shape.Generic) found.Add("generic type instance " + text);
                if (shape.MultiDimensional) found.Add("multi-dimensional array " + text);
            }
            return found;
        }

        /// <summary>Generic instances or multi-dimensional arrays inside field, method, member-reference and
        /// local-variable signatures (e.g. an <c>int?</c> field needs no TypeSpec row).</summary>
        public List<string> BadSignatures()
        {
            var found = new List<string>();
            foreach (var th in _md.TypeDefinitions)
            {
                var t = _md.GetTypeDefinition(th);
                foreach (var fh in t.GetFields())
                {
                    var f = _md.GetFieldDefinition(fh);
                    var shape = new SignatureShape(_md);
                    string type = f.DecodeSignature(shape, null);
                    Report(found, shape, "field " + TypeName(th) + "::" + _md.GetString(f.Name) + " : " + type);
                }
                foreach (var mh in t.GetMethods())
                {
                    var m = _md.GetMethodDefinition(mh);
                    string where = TypeName(th) + "::" + _md.GetString(m.Name);
                    var shape = new SignatureShape(_md);
                    var sig = m.DecodeSignature(shape, null);
                    Report(found, shape, "method " + where + "(" + string.Join(",", sig.ParameterTypes) + ") : " + sig.ReturnType);
                    if (m.RelativeVirtualAddress == 0) continue;
                    var body = _pe.GetMethodBody(m.RelativeVirtualAddress);
                    if (body.LocalSignature.IsNil) continue;
                    var locals = new SignatureShape(_md);
                    var types = _md.GetStandaloneSignature(body.LocalSignature).DecodeLocalSignature(locals, null);
                    Report(found, locals, "locals of " + where + ": " + string.Join(", ", types));
                }
            }
            foreach (var rh in _md.MemberReferences)
            {
                var r = _md.GetMemberReference(rh);
                var shape = new SignatureShape(_md);
                string text;
                if (r.GetKind() == MemberReferenceKind.Field) text = r.DecodeFieldSignature(shape, null);
                else
                {
                    var sig = r.DecodeMethodSignature(shape, null);
                    text = "(" + string.Join(",", sig.ParameterTypes) + ") : " + sig.ReturnType;
                }
                Report(found, shape, "reference to " + MethodName(rh) + " " + text);
            }
            return found;
        }

        private static void Report(List<string> found, SignatureShape shape, string what)
        {
            if (shape.Generic) found.Add("generic type in " + what);
            if (shape.MultiDimensional) found.Add("multi-dimensional array in " + what);
        }

        private string TypeName(TypeDefinitionHandle h)
        {
            var t = _md.GetTypeDefinition(h);
            string name = _md.GetString(t.Name);
            if (!t.GetDeclaringType().IsNil) return TypeName(t.GetDeclaringType()) + "+" + name;
            string ns = _md.GetString(t.Namespace);
            return ns.Length > 0 ? ns + "." + name : name;
        }

        private string MethodName(EntityHandle h)
        {
            switch (h.Kind)
            {
                case HandleKind.MethodDefinition:
                {
                    var m = _md.GetMethodDefinition((MethodDefinitionHandle)h);
                    return TypeName(m.GetDeclaringType()) + "::" + _md.GetString(m.Name);
                }
                case HandleKind.MemberReference:
                {
                    var r = _md.GetMemberReference((MemberReferenceHandle)h);
                    return SignatureShape.ParentName(_md, r.Parent) + "::" + _md.GetString(r.Name);
                }
                default:
                    return h.Kind.ToString();
            }
        }

        /// <summary>Identity (name, version, public key token) of the referenced mscorlib, or null.</summary>
        public AssemblyIdentity MscorlibReference()
        {
            foreach (var h in _md.AssemblyReferences)
            {
                var r = _md.GetAssemblyReference(h);
                if (_md.GetString(r.Name) != "mscorlib") continue;
                byte[] key = _md.GetBlobBytes(r.PublicKeyOrToken);
                bool full = (r.Flags & System.Reflection.AssemblyFlags.PublicKey) != 0;
                return new AssemblyIdentity("mscorlib", r.Version, full ? AssemblyIdentity.TokenOf(key) : AssemblyIdentity.Hex(key));
            }
            return null;
        }

        /// <summary>Identity of the assembly at <paramref name="path"/> itself.</summary>
        public static AssemblyIdentity DefinitionOf(string path)
        {
            using var pe = new PEReader(System.IO.File.OpenRead(path));
            var md = pe.GetMetadataReader();
            var def = md.GetAssemblyDefinition();
            byte[] key = md.GetBlobBytes(def.PublicKey);
            return new AssemblyIdentity(md.GetString(def.Name), def.Version, key.Length == 0 ? "" : AssemblyIdentity.TokenOf(key));
        }
    }

    internal sealed record AssemblyIdentity(string Name, System.Version Version, string PublicKeyToken)
    {
        /// <summary>.NET Framework's and .NET's mscorlib facade token (ECMA key).</summary>
        public const string DotNetToken = "b77a5c561934e089";
        /// <summary>nanoFramework's strong-name key token.</summary>
        public const string NanoToken = "c07d481e9758c731";

        public static string TokenOf(byte[] publicKey)
        {
            byte[] hash = System.Security.Cryptography.SHA1.HashData(publicKey);
            byte[] token = new byte[8];
            for (int i = 0; i < 8; i++) token[i] = hash[hash.Length - 1 - i];
            return Hex(token);
        }

        public static string Hex(byte[] b) => Convert.ToHexString(b).ToLowerInvariant();

        public override string ToString() => Name + ", Version=" + Version + ", PublicKeyToken=" + PublicKeyToken;
    }

    /// <summary>Turns signatures into readable text and notes whether they hold generics or md-arrays.</summary>
    internal sealed class SignatureShape : ISignatureTypeProvider<string, object>
    {
        private readonly MetadataReader _md;
        public bool Generic;
        public bool MultiDimensional;

        public SignatureShape(MetadataReader md) { _md = md; }

        public string GetArrayType(string elementType, ArrayShape shape)
        {
            MultiDimensional = true;
            return elementType + "[" + new string(',', shape.Rank - 1) + "]";
        }

        public string GetByReferenceType(string elementType) => elementType + "&";
        public string GetFunctionPointerType(MethodSignature<string> signature) => "method*";

        public string GetGenericInstantiation(string genericType, ImmutableArray<string> typeArguments)
        {
            Generic = true;
            return genericType + "<" + string.Join(",", typeArguments) + ">";
        }

        public string GetGenericMethodParameter(object genericContext, int index) { Generic = true; return "!!" + index; }
        public string GetGenericTypeParameter(object genericContext, int index) { Generic = true; return "!" + index; }
        public string GetModifiedType(string modifier, string unmodifiedType, bool isRequired) => unmodifiedType;
        public string GetPinnedType(string elementType) => elementType;
        public string GetPointerType(string elementType) => elementType + "*";
        public string GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode.ToString();
        public string GetSZArrayType(string elementType) => elementType + "[]";

        public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind)
        {
            var t = reader.GetTypeDefinition(handle);
            return Qualify(reader.GetString(t.Namespace), reader.GetString(t.Name));
        }

        public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind)
        {
            var t = reader.GetTypeReference(handle);
            return Qualify(reader.GetString(t.Namespace), reader.GetString(t.Name));
        }

        public string GetTypeFromSpecification(MetadataReader reader, object genericContext, TypeSpecificationHandle handle, byte rawTypeKind)
            => reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);

        private static string Qualify(string ns, string name) => ns.Length > 0 ? ns + "." + name : name;

        public static string ParentName(MetadataReader md, EntityHandle parent)
        {
            switch (parent.Kind)
            {
                case HandleKind.TypeReference:
                {
                    var t = md.GetTypeReference((TypeReferenceHandle)parent);
                    return Qualify(md.GetString(t.Namespace), md.GetString(t.Name));
                }
                case HandleKind.TypeDefinition:
                {
                    var t = md.GetTypeDefinition((TypeDefinitionHandle)parent);
                    return Qualify(md.GetString(t.Namespace), md.GetString(t.Name));
                }
                case HandleKind.TypeSpecification:
                    return md.GetTypeSpecification((TypeSpecificationHandle)parent).DecodeSignature(new SignatureShape(md), null);
                default:
                    return parent.Kind.ToString();
            }
        }
    }
}
