namespace ProcNano
{
    /// <summary>
    /// The arena's page frames: a binary buddy allocator plus a reference count and flag byte per page,
    /// kept in arrays (no object per page). Blocks are handed out whole (2^order pages) but every page is
    /// counted on its own, so the tail of a block can be freed page by page (trimming, munmap shrink).
    /// A free block's list links and order live in the first bytes of its own first page (as many buddy
    /// allocators keep them): free memory holds its own bookkeeping, and the heap holds two arrays fewer.
    /// Every allocation zeroes what it hands out, so nothing of them reaches a user.
    /// </summary>
    public sealed class PageAllocator
    {
        /// <summary>The smallest order whose block holds <paramref name="pages"/> pages.</summary>
        public static int OrderFor(int pages)
        {
            int o = 0;
            while ((1 << o) < pages) o++;
            return o;
        }

        public const int MaxOrder = 11;
        private const short None = -1;

        // Page flag bits (PG_*).
        public const byte PgBuddy = 0x01;       // head of a free block; its page holds its order and links
        public const byte PgReferenced = 0x02;  // touched since the last clear_refs (software bit)
        public const byte PgDirty = 0x04;       // written through a mapping (clear_refs leaves it, as Linux's 1-3 do)
        public const byte PgReserved = 0x08;    // never allocatable

        public readonly int Pages;
        /// <summary>Per-page reference count: 0 = free.</summary>
        public readonly byte[] Ref;
        public readonly byte[] Flags;
        // Where a free head's links (next, prev: 16 bits each) and order (a byte) are: 5 bytes at pfn << shift.
        private readonly byte[] _store;
        private readonly int _shift;
        /// <summary>Bytes at the start of a free block's first page that hold its links (zero once handed out).</summary>
        public const int LinkBytes = 5;
        private readonly short[] _head = new short[MaxOrder];
        private readonly int[] _freeBlocks = new int[MaxOrder];
        private int _freePages;

        /// <summary>An allocator whose free blocks keep their links in <paramref name="memory"/>, the pages
        /// themselves (page pfn at pfn &lt;&lt; <paramref name="pageShift"/>; pages of at least 8 bytes).</summary>
        public PageAllocator(int pages, byte[] memory, int pageShift)
        {
            Pages = pages;
            Ref = new byte[pages];
            Flags = new byte[pages];
            _store = memory;
            _shift = pageShift;
            for (int i = 0; i < MaxOrder; i++) _head[i] = None;
            FreeRange(0, pages);
        }

        /// <summary>An allocator of pages with no memory behind them (tests, accounting): the links get a
        /// small array of their own.</summary>
        public PageAllocator(int pages) : this(pages, new byte[pages * 8], 3) { }

        private int Order(int pfn) { return _store[(pfn << _shift) + 4]; }
        private short Next(int pfn) { int a = pfn << _shift; return (short)(_store[a] | _store[a + 1] << 8); }
        private short Prev(int pfn) { int a = (pfn << _shift) + 2; return (short)(_store[a] | _store[a + 1] << 8); }
        private void SetNext(int pfn, short v) { int a = pfn << _shift; _store[a] = (byte)v; _store[a + 1] = (byte)(v >> 8); }
        private void SetPrev(int pfn, short v) { int a = (pfn << _shift) + 2; _store[a] = (byte)v; _store[a + 1] = (byte)(v >> 8); }

        public int FreePages => _freePages;

        // The free lists as they are, for the kernel's self-test (which walks them against the counts below).
        /// <summary>First block of order <paramref name="order"/>'s free list, or -1.</summary>
        public int FreeHead(int order) { return _head[order]; }
        /// <summary>The block after free block <paramref name="pfn"/> in its list, or -1.</summary>
        public int FreeNext(int pfn) { return Next(pfn); }
        /// <summary>The order free block <paramref name="pfn"/> records in its first page.</summary>
        public int FreeOrder(int pfn) { return Order(pfn); }

        /// <summary>Free blocks of each order (the numbers /proc/buddyinfo prints).</summary>
        public int FreeBlocks(int order) { return _freeBlocks[order]; }

        /// <summary>Largest free block in pages (0 if none).</summary>
        public int LargestFreeBlock
        {
            get
            {
                for (int o = MaxOrder - 1; o >= 0; o--) if (_freeBlocks[o] > 0) return 1 << o;
                return 0;
            }
        }

        /// <summary>Allocates 2^order contiguous pages, each with reference count 1.
        /// Returns the first PFN or -ENOMEM.</summary>
        public int Alloc(int order)
        {
            if (order < 0 || order >= MaxOrder) return -Errno.ENOMEM;
            int o = order;
            while (o < MaxOrder && _head[o] == None) o++;
            if (o == MaxOrder) return -Errno.ENOMEM;
            int pfn = _head[o];
            Unlink(pfn, o);
            // Split: give back the upper halves.
            while (o > order)
            {
                o--;
                Link(pfn + (1 << o), o);
            }
            int n = 1 << order;
            for (int i = 0; i < n; i++)
            {
                Ref[pfn + i] = 1;
                Flags[pfn + i] = 0;
            }
            _freePages -= n;
            return pfn;
        }

        /// <summary>put_page on each page of [pfn, pfn+count): pages whose count reaches 0 go back to the
        /// buddy lists, merged with their buddies.</summary>
        public void Put(int pfn, int count)
        {
            int runStart = -1;
            for (int i = pfn; i < pfn + count; i++)
            {
                if (Ref[i] == 0) continue; // already free: ignore (defensive)
                if (--Ref[i] == 0)
                {
                    if (runStart < 0) runStart = i;
                }
                else if (runStart >= 0)
                {
                    FreeRange(runStart, i - runStart);
                    runStart = -1;
                }
            }
            if (runStart >= 0) FreeRange(runStart, pfn + count - runStart);
        }

        /// <summary>Takes one more reference on each page.</summary>
        public void Get(int pfn, int count)
        {
            for (int i = pfn; i < pfn + count; i++) Ref[i]++;
        }

        /// <summary>Marks pages as never allocatable (takes them out of the free lists).</summary>
        public void Reserve(int pfn, int count)
        {
            for (int i = pfn; i < pfn + count; i++)
            {
                if (Ref[i] != 0) continue;
                int head = FindFreeHead(i);
                int o = Order(head);
                Unlink(head, o);
                _freePages -= 1 << o;
                // Give back every page of that block except i.
                Ref[i] = 1;
                Flags[i] = PgReserved;
                if (i > head) FreeRange(head, i - head);
                int end = head + (1 << o);
                if (i + 1 < end) FreeRange(i + 1, end - i - 1);
            }
        }

        public bool IsFree(int pfn) { return Ref[pfn] == 0; }

        // Frees an arbitrary run as naturally aligned power-of-two pieces.
        private void FreeRange(int pfn, int count)
        {
            while (count > 0)
            {
                int o = 0;
                while (o + 1 < MaxOrder && (pfn & ((1 << (o + 1)) - 1)) == 0 && (1 << (o + 1)) <= count) o++;
                FreeBlock(pfn, o);
                pfn += 1 << o;
                count -= 1 << o;
            }
        }

        private void FreeBlock(int pfn, int order)
        {
            _freePages += 1 << order;
            for (int i = pfn; i < pfn + (1 << order); i++) { Ref[i] = 0; Flags[i] = 0; }
            while (order < MaxOrder - 1)
            {
                int buddy = pfn ^ (1 << order);
                if (buddy + (1 << order) > Pages) break;
                if ((Flags[buddy] & PgBuddy) == 0 || Order(buddy) != order) break;
                Unlink(buddy, order);
                if (buddy < pfn) pfn = buddy;
                order++;
            }
            Link(pfn, order);
        }

        private int FindFreeHead(int pfn)
        {
            for (int o = 0; o < MaxOrder; o++)
            {
                int head = pfn & ~((1 << o) - 1);
                if ((Flags[head] & PgBuddy) != 0 && Order(head) == o) return head;
            }
            return pfn;
        }

        private void Link(int pfn, int order)
        {
            Flags[pfn] = PgBuddy;
            _store[(pfn << _shift) + 4] = (byte)order;
            SetPrev(pfn, None);
            SetNext(pfn, _head[order]);
            if (_head[order] != None) SetPrev(_head[order], (short)pfn);
            _head[order] = (short)pfn;
            _freeBlocks[order]++;
        }

        private void Unlink(int pfn, int order)
        {
            short n = Next(pfn), p = Prev(pfn);
            if (p != None) SetNext(p, n); else _head[order] = n;
            if (n != None) SetPrev(n, p);
            Flags[pfn] = 0;
            for (int i = 0; i < LinkBytes; i++) _store[(pfn << _shift) + i] = 0;   // no stale links in handed-out pages
            _freeBlocks[order]--;
        }
    }
}
