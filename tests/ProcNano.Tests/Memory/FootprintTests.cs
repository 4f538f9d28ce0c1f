using System;
using System.Reflection;
using ProcNano;
using Xunit;

namespace ProcNano.Tests.Memory
{
    public class FootprintTests
    {
        private static int Fields(Type t)
        {
            int n = 0;
            for (Type x = t; x != null && x != typeof(object); x = x.BaseType)
                n += x.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly).Length;
            return n;
        }

        [Theory]
        [InlineData(typeof(Task), Footprint.TaskFields)]
        [InlineData(typeof(Pid), Footprint.PidFields)]
        [InlineData(typeof(Mm), Footprint.MmFields)]
        [InlineData(typeof(IntList), Footprint.IntListFields)]
        [InlineData(typeof(File), Footprint.FileFields)]
        [InlineData(typeof(Inode), Footprint.InodeFields)]
        [InlineData(typeof(FdTable), Footprint.FdTableFields)]
        [InlineData(typeof(ShmSegment), Footprint.ShmSegmentFields)]
        public void FieldCountConstants_MatchTheClasses(Type type, int declared)
        {
            Assert.Equal(Fields(type), declared);
        }

        // The boot-time core of the model (/proc/slabinfo's kernel row) counts these classes' fields.
        [Theory]
        [InlineData(typeof(Kernel), KernelCore.KernelFields)]
        [InlineData(typeof(KernelLog), KernelCore.KernelLogFields)]
        [InlineData(typeof(PhysMem), KernelCore.PhysMemFields)]
        [InlineData(typeof(PageAllocator), KernelCore.PageAllocatorFields)]
        [InlineData(typeof(ProcNano.Vfs), KernelCore.VfsFields)]
        [InlineData(typeof(FileTable), KernelCore.FileTableFields)]
        [InlineData(typeof(FsContext), KernelCore.FsContextFields)]
        [InlineData(typeof(RamfsSuper), KernelCore.RamfsSuperFields)]
        [InlineData(typeof(MemoryManager), KernelCore.MemoryManagerFields)]
        [InlineData(typeof(RegionTable), KernelCore.RegionTableFields)]
        [InlineData(typeof(VmaTable), KernelCore.VmaTableFields)]
        [InlineData(typeof(TaskTable), KernelCore.TaskTableFields)]
        [InlineData(typeof(PidNamespace), KernelCore.PidNamespaceFields)]
        [InlineData(typeof(NetNamespace), KernelCore.NetNamespaceFields)]
        [InlineData(typeof(Loader), KernelCore.LoaderFields)]
        [InlineData(typeof(Shm), KernelCore.ShmFields)]
        [InlineData(typeof(Syscalls), KernelCore.SyscallsFields)]
        [InlineData(typeof(UtsSettings), KernelCore.UtsSettingsFields)]
        [InlineData(typeof(ProcTree), KernelCore.ProcTreeFields)]
        [InlineData(typeof(ProcSuperBlock), KernelCore.ProcSuperBlockFields)]
        [InlineData(typeof(ModuleTable), KernelCore.ModuleTableFields)]
        [InlineData(typeof(UartModule), KernelCore.UartModuleFields)]
        [InlineData(typeof(UartStats), KernelCore.UartStatsFields)]
        [InlineData(typeof(SlabTable), KernelCore.SlabTableFields)]
        [InlineData(typeof(FsType), KernelCore.FsTypeFields)]
        [InlineData(typeof(RomfsSuper), KernelCore.RomfsSuperFields)]
        [InlineData(typeof(RefList), KernelCore.RefListFields)]
        [InlineData(typeof(EmergencyHeap), KernelCore.EmergencyHeapFields)]
        public void KernelCoreFieldCounts_MatchTheClasses(Type type, int declared)
        {
            Assert.Equal(Fields(type), declared);
        }

        [Fact]
        public void RegionAndVmaColumns_MatchTheTables()
        {
            int regionCols = 0, vmaCols = 0;
            foreach (var m in typeof(RegionTable).GetMethods(BindingFlags.Instance | BindingFlags.Public | BindingFlags.DeclaredOnly)) if (IsSetter(m)) regionCols++;
            foreach (var m in typeof(VmaTable).GetMethods(BindingFlags.Instance | BindingFlags.Public | BindingFlags.DeclaredOnly)) if (IsSetter(m)) vmaCols++;
            Assert.Equal(Footprint.RegionColumns - 1, regionCols);
            Assert.Equal(Footprint.VmaColumns - 1, vmaCols);
        }

        // A field of a slot has a getter X(slot) and a setter SetX(slot, value).
        private static bool IsSetter(MethodInfo m) { return m.Name.StartsWith("Set") && m.GetParameters().Length == 2; }

        [Fact]
        public void OnePrivateMapping_CostsAtMost64Bytes()
        {
            // Region + VMA + their index slots: the budget a later issue holds us to.
            Assert.True(Footprint.RegionBytes + Footprint.VmaBytes <= 64, (Footprint.RegionBytes + Footprint.VmaBytes).ToString());
        }

        [Fact]
        public void NanoCostRules_MatchMeasuredSizes()
        {
            // Figures measured on the real runtime (nanoCLR, 32-bit: firmware/VirtualDevice).
            Assert.Equal(60, Footprint.Object(4));
            Assert.Equal(84, Footprint.Array(16, 4));
            Assert.Equal(1044, Footprint.Array(1024, 1));
            Assert.Equal(276, Footprint.Array(64, 4));
            Assert.Equal(72, Footprint.Array(4, 12));
        }
    }
}
