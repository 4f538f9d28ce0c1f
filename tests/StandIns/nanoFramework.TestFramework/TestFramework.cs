// Compile-time stand-in for nanoFramework.TestFramework 3.0.77 (github.com/nanoframework/nanoFramework.TestFramework:
// source/TestFrameworkShared/{TestClass,TestMethod,Setup}Attribute.cs, source/TestFramework/Assert.cs).
// NEVER DEPLOYED: it lets the .NET SDK compile tests/ProcNano.NanoTests in CI (tests/ProcNano.NanoTests.Nano); the test
// runner loads the real package. Only what the tests use, with upstream's namespaces, types, members, parameter and
// return types (upstream marks Assert's message parameters [CallerArgumentExpression], which is no part of the
// signature); every body throws.
using System;

namespace nanoFramework.TestFramework
{
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
    public class TestClassAttribute : Attribute
    {
    }

    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
    public class TestMethodAttribute : Attribute
    {
    }

    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
    public class SetupAttribute : Attribute
    {
    }

    public sealed class Assert
    {
        public static void IsNull(object value, string message = "") { throw new NotImplementedException(); }

        public static void IsTrue(bool condition, string message = "") { throw new NotImplementedException(); }

        public static void SkipTest(string message = null) { throw new NotImplementedException(); }
    }
}
