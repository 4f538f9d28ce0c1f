// A host double of the nanoFramework.TestFramework members tests/ProcNano.NanoTests uses (the same as
// tests/StandIns/nanoFramework.TestFramework declares), so NanoTestsOnHostTests can run that project's test classes
// here. Tests only.
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

    public sealed class SkipTestException : Exception
    {
        public SkipTestException(string message) : base(message) { }
    }

    public sealed class Assert
    {
        public static void IsNull(object value, string message = "")
        {
            if (value != null) throw new Exception("Assert.IsNull failed: " + message);
        }

        public static void IsTrue(bool condition, string message = "")
        {
            if (!condition) throw new Exception("Assert.IsTrue failed: " + message);
        }

        public static void SkipTest(string message = null) { throw new SkipTestException(message); }
    }
}
