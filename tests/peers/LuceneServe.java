// The peer kit's Java Lucene searcher (LuceneBench.Searcher), one query at a time on request, so that a run can
// alternate the engines query by query (interleave.py) instead of timing each engine in its own minutes.
//
// Usage: java -cp <kit classpath>:<kit build dir>:<this class's dir> LuceneServe INDEXDIR QUERIES
// stdin: the number of a query of QUERIES (0-based, in file order), one per line; stdout, per line read:
// "<milliseconds> <hits>", the milliseconds of Searcher.run alone: the kit's own timed section (parse, one
// collection pass with exact count, top 10 and the facet class's counts, stored ids, highlighting).

import java.io.*;
import java.nio.charset.StandardCharsets;
import java.nio.file.*;
import java.util.*;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

public final class LuceneServe {
    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: LuceneServe INDEXDIR QUERIES");
            System.exit(2);
        }

        // The kit's defaults: top 10, highlighting on, no query cache.
        LuceneBench.Opts o = new LuceneBench.Opts();
        List<LuceneBench.QuerySpec> specs = LuceneBench.readQueries(args[1]);
        try (Directory d = FSDirectory.open(Paths.get(args[0])); DirectoryReader reader = DirectoryReader.open(d)) {
            LuceneBench.Searcher s = new LuceneBench.Searcher(reader, o);
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
            for (String line; (line = in.readLine()) != null; ) {
                LuceneBench.QuerySpec spec = specs.get(Integer.parseInt(line.strip()));
                long t = System.nanoTime();
                LuceneBench.Result r = s.run(spec);
                double ms = (System.nanoTime() - t) / 1e6;
                out.println(String.format(Locale.ROOT, "%.4f %d", ms, r.hits));
            }
        }
    }
}
