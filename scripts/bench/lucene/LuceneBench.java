// The Lucene peer of `npm run bench`, run in a JVM of its own by lucene-peer.ts, which compiles it with
// javac against Debian's Lucene jars. It reads the bench's paragraphs (one a line: text, heading and
// section title, tab-separated) and queries (one a line), indexes them in memory with NorwegianAnalyzer
// and Lucene's default similarity (BM25), and parses each query with the classic MultiFieldQueryParser
// (default operator OR), the fields weighted as this project's ranker weighs them. It warms up, times
// every search inside the JVM and prints one JSON object: build time, heap and resident growth, p50/p99,
// and each query's top hits as paragraph ordinals, so that relevance is scored in TypeScript like the
// other engines'.

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.no.NorwegianAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.Version;

public final class LuceneBench {
  private static final String[] FIELDS = {"text", "heading", "title"};
  // src/search/rank/ranker.ts's FIELD_BOOST.
  private static final Map<String, Float> BOOSTS = Map.of("text", 1f, "heading", 0.8f, "title", 0.5f);
  private static final Pattern QUERY_PART = Pattern.compile("\"([^\"]*)\"?|[^\\s\"]+");

  private final DirectoryReader reader;
  private final IndexSearcher searcher;
  private final QueryParser parser;

  private LuceneBench(List<String[]> paragraphs) throws Exception {
    Analyzer analyzer = new NorwegianAnalyzer();
    ByteBuffersDirectory directory = new ByteBuffersDirectory();
    try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
      for (int i = 0; i < paragraphs.size(); i++) {
        String[] p = paragraphs.get(i);
        Document doc = new Document();
        for (int f = 0; f < FIELDS.length; f++) doc.add(new TextField(FIELDS[f], p[f], Field.Store.NO));
        // The ordinal comes back with each hit: merges may reorder Lucene's own doc ids.
        doc.add(new NumericDocValuesField("ord", i));
        writer.addDocument(doc);
      }
    }
    reader = DirectoryReader.open(directory);
    searcher = new IndexSearcher(reader);
    parser = new MultiFieldQueryParser(FIELDS, analyzer, BOOSTS);
  }

  /** The ordinals of the top `limit` paragraphs; a query the parser refuses finds nothing. */
  private long[] search(String q, int limit) throws Exception {
    Query query;
    try {
      query = parser.parse(escaped(q));
    } catch (ParseException e) {
      return new long[0];
    }
    ScoreDoc[] hits = searcher.search(query, limit).scoreDocs;
    List<LeafReaderContext> leaves = reader.leaves();
    long[] ords = new long[hits.length];
    for (int i = 0; i < hits.length; i++) {
      LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(hits[i].doc, leaves));
      NumericDocValues values = DocValues.getNumeric(leaf.reader(), "ord");
      values.advanceExact(hits[i].doc - leaf.docBase);
      ords[i] = values.longValue();
    }
    return ords;
  }

  /** Words and quoted phrases as the other peers read them: operators and syntax characters are text. */
  private static String escaped(String q) {
    StringBuilder out = new StringBuilder();
    Matcher m = QUERY_PART.matcher(q);
    while (m.find()) {
      String phrase = m.group(1);
      out.append(' ').append(phrase != null ? '"' + QueryParser.escape(phrase) + '"' : QueryParser.escape(m.group()));
    }
    return out.toString().trim();
  }

  public static void main(String[] args) throws Exception {
    List<String[]> paragraphs = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8)) paragraphs.add(line.split("\t", -1));
    List<String> queries = Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8);
    int warmup = Integer.parseInt(args[2]);
    double warmupMs = Double.parseDouble(args[3]);
    int min = Integer.parseInt(args[4]);
    double minMs = Double.parseDouble(args[5]);
    int max = Integer.parseInt(args[6]);
    int limit = Integer.parseInt(args[7]);

    long heapBefore = settledHeap();
    long rssBefore = rssBytes();
    long started = System.nanoTime();
    LuceneBench bench = new LuceneBench(paragraphs);
    double buildMs = (System.nanoTime() - started) / 1e6;
    long heapAfter = settledHeap();
    long rssAfter = rssBytes();

    long warming = System.nanoTime();
    for (int r = 0; r < warmup || (System.nanoTime() - warming) / 1e6 < warmupMs; r++) for (String q : queries) bench.search(q, limit);
    List<Double> times = new ArrayList<>();
    long measuring = System.nanoTime();
    for (int r = 0; r < max && (r < min || (System.nanoTime() - measuring) / 1e6 < minMs); r++) {
      for (String q : queries) {
        long t = System.nanoTime();
        bench.search(q, limit);
        times.add((System.nanoTime() - t) / 1e6);
      }
    }
    times.sort(null);

    StringBuilder rankings = new StringBuilder();
    for (String q : queries) {
      if (rankings.length() > 0) rankings.append(',');
      rankings.append(Arrays.toString(bench.search(q, limit)).replace(" ", ""));
    }
    double mb = 1 << 20;
    System.out.printf(
        "{\"lucene\":\"%s\",\"java\":\"%s\",\"paragraphs\":%d,\"buildMs\":%s,\"heapMB\":%s,\"rssMB\":%s,\"p50Ms\":%s,\"p99Ms\":%s,\"samples\":%d,\"rankings\":[%s]}%n",
        Version.LATEST, System.getProperty("java.version"), paragraphs.size(), buildMs, (heapAfter - heapBefore) / mb, (rssAfter - rssBefore) / mb,
        percentile(times, 0.5), percentile(times, 0.99), times.size(), rankings);
  }

  /** Nearest-rank percentile of ascending values, as latency.ts computes it. */
  private static double percentile(List<Double> sorted, double p) {
    return sorted.get((int) Math.min(sorted.size() - 1, Math.max(0, Math.ceil(p * sorted.size()) - 1)));
  }

  /** The heap in use after full collections: what the built index (and the paragraphs read) hold. */
  private static long settledHeap() {
    for (int i = 0; i < 3; i++) System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static long rssBytes() throws Exception {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
    }
    return 0;
  }
}
