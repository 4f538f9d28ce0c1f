using System;

namespace ProcNano.Tests.Build
{
    // Deliberate violations of the device runtime's rules, compiled into the test assembly so the negative-control
    // tests can show that each check in NanoAssemblyChecker really fires. Never used at run time.

    /// <summary>A generic type definition.</summary>
    internal sealed class NanoViolationFixture<T>
    {
        public T Value;
    }

    internal static class NanoViolationUse
    {
        /// <summary>A field whose signature holds a generic instance but needs no TypeSpec row.</summary>
        public static int? NullableField = null;

        /// <summary>A generic method definition.</summary>
        public static T NanoViolationGenericMethod<T>(T x) => x;

        /// <summary>A MethodSpec (generic call), a generic TypeSpec (new Fixture&lt;int&gt;), a multi-dimensional
        /// array TypeSpec (new int[2,2]) and a generic delegate from mscorlib.</summary>
        public static int NanoViolationUses()
        {
            var box = new NanoViolationFixture<int>();
            box.Value = NanoViolationGenericMethod(3);
            int[,] grid = new int[2, 2];
            grid[1, 1] = box.Value;
            Func<int> f = () => grid[1, 1];
            return f();
        }
    }
}
