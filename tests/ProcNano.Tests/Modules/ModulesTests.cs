using ProcNano;
using Xunit;
using KFile = ProcNano.File;
using KTask = ProcNano.Task;

using ProcNano.Tests.Proc;

namespace ProcNano.Tests.Modules
{
    /// <summary>A module that creates /proc/&lt;name&gt; (or fails its init on request).</summary>
    public sealed class TestModule : KernelModule
    {
        public int InitResult;
        public bool Exits = true;
        public int Inits, ExitsRun;

        public TestModule(string name, int size, string[] deps) : base(name, size, deps) { }

        public override int Init(IKernelView k)
        {
            Inits++;
            if (InitResult < 0) return InitResult;
            k.Proc.Create(Name, 0, new CountingOps(), null);
            return 0;
        }

        public override bool HasExit => Exits;

        public override void Exit(IKernelView k)
        {
            ExitsRun++;
            k.Proc.Remove(Name);
        }
    }

    public class ModulesTests
    {
        [Fact]
        public void Insmod_Uart_CreatesDriverFile_Rmmod_RemovesIt()
        {
            var kit = new ProcKit();
            Assert.Equal(-Errno.ENOENT, kit.Walk(kit.Init, "driver/uart", out _));
            Assert.Equal("", kit.Cat(kit.Init, "modules"));

            Assert.Equal(0, kit.K.Modules.Insmod("uart"));
            Assert.True(kit.K.Modules.IsLoaded("uart"));
            Assert.Equal(0, kit.Walk(kit.Init, "driver/uart", out _));
            Assert.Equal("uart 132 0 - Live 0x00000000\n", kit.Cat(kit.Init, "modules"));

            Assert.Equal(0, kit.K.Modules.Rmmod("uart"));
            Assert.Equal(-Errno.ENOENT, kit.Walk(kit.Init, "driver/uart", out _));
            Assert.Equal("", kit.Cat(kit.Init, "modules"));
            Assert.Equal(0, kit.K.Modules.Insmod("uart"));   // and it can come back
        }

        [Fact]
        public void UartFile_SerialDriverFormat_CountersForRootOnly()
        {
            var kit = new ProcKit(new BoardConfig { NanoffTarget = "ESP32_REV3", ShellUart = "COM2" });
            kit.K.Modules.Insmod("uart");
            kit.K.Uart.Stats.AddTx(120);
            kit.K.Uart.Stats.AddTx(3);
            kit.K.Uart.Stats.AddRx(45);
            Assert.Equal("serinfo:1.0 driver revision:\n1: uart:ESP32 mmio:0x3FF50000 irq:35 tx:123 rx:45\n",
                kit.Cat(kit.Init, "driver/uart", 1));
            KTask user = kit.NewTask("user", 1000, 1000);
            Assert.Equal("serinfo:1.0 driver revision:\n1: uart:ESP32 mmio:0x3FF50000 irq:35\n", kit.Cat(user, "driver/uart"));
            kit.K.Uart.Stats.AddOverrun(2);
            Assert.EndsWith(" tx:123 rx:45 oe:2\n", kit.Cat(kit.Init, "driver/uart"));
        }

        [Fact]
        public void UartFile_OtherBoards()
        {
            var s3 = new ProcKit(new BoardConfig { NanoffTarget = "ESP32_S3_QUAD", ShellUart = "COM2" });
            s3.K.Modules.Insmod("uart");
            Assert.Contains("1: uart:ESP32 mmio:0x60010000 irq:28 tx:0 rx:0\n", s3.Cat(s3.Init, "driver/uart"));
            var host = new ProcKit();
            host.K.Modules.Insmod("uart");
            Assert.Equal("serinfo:1.0 driver revision:\n0: uart:sim port:00000000 irq:0 tx:0 rx:0\n", host.Cat(host.Init, "driver/uart"));
        }

        [Fact]
        public void Rmmod_WhileDriverFileOpen_LaterReadsEio()
        {
            var kit = new ProcKit();
            kit.K.Modules.Insmod("uart");
            KFile f = ProcKit.Open(kit.Get(kit.Init, "driver/uart"), kit.Init);
            Assert.Equal(0, kit.K.Modules.Rmmod("uart"));
            Assert.Equal(-Errno.EIO, f.Inode.Read(f, kit.Init, 0, new byte[64], 0, 64));
            f.Inode.Release(f);
        }

        [Fact]
        public void Errors_Eexist_Enoent_Eperm()
        {
            var kit = new ProcKit();
            KTask user = kit.NewTask("user", 1000, 1000);
            Assert.Equal(-Errno.ENOENT, kit.K.Modules.Insmod("nosuch"));
            Assert.Equal(-Errno.ENOENT, kit.K.Modules.Rmmod("uart"));
            Assert.Equal(-Errno.EPERM, kit.K.Modules.Insmod(user, "uart"));
            Assert.Equal(0, kit.K.Modules.Insmod(kit.Init, "uart"));
            Assert.Equal(-Errno.EEXIST, kit.K.Modules.Insmod("uart"));
            Assert.Equal(-Errno.EPERM, kit.K.Modules.Rmmod(user, "uart"));
            Assert.Equal(-Errno.EEXIST, kit.K.Modules.Register(new UartModule(kit.K.Board)));
        }

        [Fact]
        public void Dependencies_LoadOrder_Refcount_InUse()
        {
            var kit = new ProcKit();
            ModuleTable m = kit.K.Modules;
            m.Register(new TestModule("core", 100, null));
            m.Register(new TestModule("leaf", 40, new[] { "core" }));

            Assert.Equal(-Errno.ENOENT, m.Insmod("leaf"));   // core not loaded: unknown symbols
            Assert.True(kit.K.Log.Contains("leaf: Unknown symbol"));
            Assert.Equal(0, m.Insmod("core"));
            Assert.Equal(0, m.Insmod("leaf"));
            Assert.Equal("leaf 40 0 - Live 0x00000000\ncore 100 1 leaf, Live 0x00000000\n", kit.Cat(kit.Init, "modules", 1));

            Assert.Equal(-Errno.EAGAIN, m.Rmmod("core"));
            Assert.Equal(0, m.Rmmod("leaf"));
            Assert.Equal("core 100 0 - Live 0x00000000\n", kit.Cat(kit.Init, "modules"));
            Assert.Equal(0, m.Rmmod("core"));
        }

        [Fact]
        public void Pinned_ModuleCannotBeRemoved_UntilPut()
        {
            var kit = new ProcKit();
            ModuleTable m = kit.K.Modules;
            Assert.False(m.Get("uart"));
            m.Insmod("uart");
            Assert.True(m.Get("uart"));
            Assert.Equal(-Errno.EAGAIN, m.Rmmod("uart"));
            Assert.Contains("uart 132 1 - Live", kit.Cat(kit.Init, "modules"));
            m.Put("uart");
            Assert.Equal(0, m.Rmmod("uart"));
        }

        [Fact]
        public void ModuleWithoutExit_IsPermanent_RmmodEbusy()
        {
            var kit = new ProcKit();
            var mod = new TestModule("sticky", 12, null) { Exits = false };
            kit.K.Modules.Register(mod);
            kit.K.Modules.Insmod("sticky");
            Assert.Equal("sticky 12 0 [permanent], Live 0x00000000\n", kit.Cat(kit.Init, "modules"));
            Assert.Equal(-Errno.EBUSY, kit.K.Modules.Rmmod("sticky"));
            Assert.Equal(0, mod.ExitsRun);
        }

        [Fact]
        public void FailedInit_LeavesNothingLoaded()
        {
            var kit = new ProcKit();
            var mod = new TestModule("flaky", 10, null) { InitResult = -Errno.ENOMEM };
            kit.K.Modules.Register(mod);
            Assert.Equal(-Errno.ENOMEM, kit.K.Modules.Insmod("flaky"));
            Assert.False(kit.K.Modules.IsLoaded("flaky"));
            Assert.Equal("", kit.Cat(kit.Init, "modules"));
            mod.InitResult = 0;
            Assert.Equal(0, kit.K.Modules.Insmod("flaky"));
            Assert.Equal(2, mod.Inits);
        }

        [Fact]
        public void UartStats_CountWithoutTheModule_ModuleOnlyShowsThem()
        {
            var kit = new ProcKit();
            kit.K.Uart.Stats.AddRx(7);
            kit.K.Modules.Insmod("uart");
            Assert.Contains(" rx:7\n", kit.Cat(kit.Init, "driver/uart"));
        }
    }
}
