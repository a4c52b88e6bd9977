namespace SearchKamer.Analysis;

/// <summary>A remembered word: its stem as characters of the memo's own store, and its marked compound parts.</summary>
internal readonly record struct MemoisedWord(char[] Chars, int Start, int Length, string[] Parts);

/// <summary>
/// What the tail of the stemmed chain made of each word (<see cref="MemoisedStemFilter"/>), shared by all threads.
/// An open-addressing table whose slots and characters lie in a few flat arrays: a lookup reads one slot and the
/// word and stem next to each other, where a ConcurrentDictionary went from bucket to node to key to value to stem,
/// five objects scattered over the heap. The lookups were a tenth of a bulk load's CPU (docs/benchmarks.md).
/// Readers take no lock: a slot is filled before its hash is published, and a table is never changed in place
/// other than by filling an empty slot; growing, or starting over at the bound, publishes a new table.
/// </summary>
internal sealed class StemMemo(int maxWords)
{
    // Words and stems of 16 characters on average, far more than Dutch text needs: tokens up to the tokenizer's 255
    // characters, unique ones sent on purpose, cannot make the memo hold more than a few megabytes beyond its words.
    internal const int CharactersPerWord = 32;

    private readonly object _writing = new();
    private Table _table = new(1 << 10);

    /// <summary>The words the current table holds.</summary>
    public int Count => Volatile.Read(ref _table).Count;

    public bool TryGet(ReadOnlySpan<char> word, out MemoisedWord found) => Volatile.Read(ref _table).TryGet(word, out found);

    /// <summary>
    /// Remembers a word. Past the bound (of words, or of their characters) the memo starts over, so a stream of words
    /// never seen again (numbers, ids) cannot grow it without end; the common words come back at once.
    /// </summary>
    public void Add(ReadOnlySpan<char> word, string stem, string[] parts)
    {
        lock (_writing)
        {
            var table = _table;
            if (table.TryGet(word, out _))
            {
                return;
            }

            if (table.Count >= maxWords || table.Characters + word.Length + stem.Length > (long)maxWords * CharactersPerWord)
            {
                table = new Table(1 << 10);
            }
            else if (!table.HasRoom(word.Length + stem.Length))
            {
                table = table.Grown(word.Length + stem.Length);
            }

            table.Add(word, stem, parts);
            Volatile.Write(ref _table, table);
        }
    }

    private sealed class Table
    {
        private readonly Slot[] _slots;
        private readonly int _mask;
        private readonly char[] _chars;
        private int _used;

        public Table(int slots, int chars = 0)
        {
            _slots = new Slot[slots];
            _mask = slots - 1;
            _chars = new char[Math.Max(chars, slots * 8)];
        }

        public int Count { get; private set; }

        /// <summary>The characters of the words and stems held.</summary>
        public int Characters => _used;

        /// <summary>Whether one more word of these characters fits at most half full (short probes).</summary>
        public bool HasRoom(int characters) => (Count + 1) * 2 <= _slots.Length && _used + characters <= _chars.Length;

        public Table Grown(int characters)
        {
            var slots = (Count + 1) * 2 <= _slots.Length ? _slots.Length : _slots.Length * 2;
            var grown = new Table(slots, Math.Max(_chars.Length * 2, _used + characters));
            foreach (ref readonly var slot in _slots.AsSpan())
            {
                if (slot.Hash != 0)
                {
                    grown.Add(_chars.AsSpan(slot.Start, slot.WordLength), _chars.AsSpan(slot.Start + slot.WordLength, slot.StemLength), slot.Parts!);
                }
            }

            return grown;
        }

        public bool TryGet(ReadOnlySpan<char> word, out MemoisedWord found)
        {
            var hash = Hash(word);
            for (var i = hash & _mask; ; i = (i + 1) & _mask)
            {
                ref readonly var slot = ref _slots[i];
                var at = Volatile.Read(in slot.Hash);
                if (at == 0)
                {
                    found = default;
                    return false;
                }

                if (at == hash && slot.WordLength == word.Length && word.SequenceEqual(_chars.AsSpan(slot.Start, slot.WordLength)))
                {
                    found = new MemoisedWord(_chars, slot.Start + slot.WordLength, slot.StemLength, slot.Parts!);
                    return true;
                }
            }
        }

        /// <summary>Only under the memo's lock, with room checked (<see cref="HasRoom"/>).</summary>
        public void Add(ReadOnlySpan<char> word, ReadOnlySpan<char> stem, string[] parts)
        {
            var hash = Hash(word);
            var i = hash & _mask;
            while (_slots[i].Hash != 0)
            {
                i = (i + 1) & _mask;
            }

            word.CopyTo(_chars.AsSpan(_used));
            stem.CopyTo(_chars.AsSpan(_used + word.Length));
            ref var slot = ref _slots[i];
            slot.Start = _used;
            slot.WordLength = (ushort)word.Length;
            slot.StemLength = (ushort)stem.Length;
            slot.Parts = parts;
            _used += word.Length + stem.Length;
            Count++;
            // Published last: a reader that sees the hash sees the rest of the slot and its characters.
            Volatile.Write(ref slot.Hash, hash);
        }

        // The runtime's per-process random seed: words from documents and queries cannot be chosen to collide.
        private static int Hash(ReadOnlySpan<char> word) => string.GetHashCode(word) | 1;
    }

    private struct Slot
    {
        public int Hash;
        public int Start;
        public ushort WordLength;
        public ushort StemLength;
        public string[]? Parts;
    }
}
