using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Xunit;

namespace ProcNano.Tests.SelfTestLayer
{
    /// <summary>tests/ProcNano.NanoTests's test classes, run as nanoFramework's runner would (each class's [Setup],
    /// then its [TestMethod]s), on the host: every one passes, and together they are every check of selftest.</summary>
    public class NanoTestsOnHostTests
    {
        private static IEnumerable<Type> TestClasses() => typeof(NanoTestsOnHostTests).Assembly.GetTypes()
            .Where(t => t.Namespace == "ProcNano.NanoTests" && t.GetCustomAttribute<nanoFramework.TestFramework.TestClassAttribute>() != null);

        [Fact]
        public void EveryTestMethod_Passes()
        {
            var failures = new List<string>();
            int ran = 0;
            foreach (Type c in TestClasses())
            {
                object o = Activator.CreateInstance(c);
                foreach (var m in c.GetMethods().Where(m => m.GetCustomAttribute<nanoFramework.TestFramework.SetupAttribute>() != null)) m.Invoke(o, null);
                foreach (var m in c.GetMethods().Where(m => m.GetCustomAttribute<nanoFramework.TestFramework.TestMethodAttribute>() != null))
                {
                    ran++;
                    try { m.Invoke(o, null); }
                    catch (TargetInvocationException e) { failures.Add(c.Name + "." + m.Name + ": " + e.InnerException.Message); }
                }
            }
            Assert.True(failures.Count == 0, string.Join("\n", failures));
            Assert.Equal(ProcNano.SelfTest.Count, ran);
        }

        [Fact]
        public void TheTestMethods_AreEveryCheck_EachOnce()
        {
            string dir = Build.RepoPaths.Combine("tests", "ProcNano.NanoTests");
            var checks = System.IO.Directory.GetFiles(dir, "*Tests.cs")
                .SelectMany(f => System.Text.RegularExpressions.Regex.Matches(System.IO.File.ReadAllText(f), @"s_checks\.Pass\((\d+)\)").Select(m => int.Parse(m.Groups[1].Value)))
                .OrderBy(i => i).ToArray();
            Assert.Equal(Enumerable.Range(0, ProcNano.SelfTest.AsFound).ToArray(), checks);
        }
    }
}
