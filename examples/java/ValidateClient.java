import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Checks seizure records with {@code cen serve} using only the JDK (java.net.http, JDK 11+).
 *
 * <pre>
 * java examples/java/ValidateClient.java http://127.0.0.1:8080 examples/records/long-sea-container.json
 * java examples/java/ValidateClient.java http://127.0.0.1:8080 examples/seizures.csv today=2026-11-28
 * </pre>
 *
 * A {@code .json} file is one record, posted to {@code /v1/validate}: its report is printed. A
 * {@code .ndjson}, {@code .csv} or {@code .xlsx} file is a batch, streamed from disk to
 * {@code /v1/validate/batch}: each record's report line is printed as it arrives, in input
 * order. Further arguments {@code name=value} are validation options (form, source, lang,
 * today, profile, hs_edition). Exit status: 0 when every record is valid, 1 when one is not, 2
 * when the request failed (the service's JSON error is printed on standard error).
 */
public final class ValidateClient {
    private static final Map<String, String> BATCH_TYPES = Map.of(
            ".ndjson", "application/x-ndjson",
            ".jsonl", "application/x-ndjson",
            ".csv", "text/csv",
            ".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length < 2) {
            System.err.println("usage: java ValidateClient.java BASE_URL FILE [option=value]...");
            System.exit(2);
        }
        String base = args[0].replaceAll("/+$", "");
        Path file = Path.of(args[1]);
        StringBuilder query = new StringBuilder();
        for (int i = 2; i < args.length; i++) {
            String[] pair = args[i].split("=", 2);
            if (pair.length != 2) {
                System.err.println("an option is name=value: " + args[i]);
                System.exit(2);
            }
            appendParameter(query, pair[0], pair[1]);
        }
        String fileName = file.getFileName().toString();
        String extension = fileName.contains(".") ? fileName.substring(fileName.lastIndexOf('.')) : "";
        String batchType = BATCH_TYPES.get(extension.toLowerCase());

        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        boolean allValid;
        try {
            if (batchType == null) {
                allValid = validateRecord(client, base, file, query);
            } else {
                // The line's `file` is the name given here, as `cen validate` writes the path it read.
                appendParameter(query, "name", args[1]);
                allValid = validateBatch(client, base, file, batchType, query);
            }
        } catch (IOException error) {
            // No answer to read: the service is down, or it refused the upload before reading it
            // (over --max-body, a bad option) and closed the connection while the file was sent.
            System.err.println("the request to cen serve failed: " + error.getMessage());
            System.exit(2);
            return;
        }
        System.exit(allValid ? 0 : 1);
    }

    /** One record: POST /v1/validate, print the report. */
    private static boolean validateRecord(HttpClient client, String base, Path file, CharSequence query)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/v1/validate" + asQuery(query)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofFile(file))
                .build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        failUnlessOk(response.statusCode(), response.body());
        System.out.println(response.body());
        // A report is compact JSON from cen: its validity is this exact member.
        return response.body().startsWith("{\"valid\":true");
    }

    /** A file of records: streamed up, each report line printed as it comes back. */
    private static boolean validateBatch(HttpClient client, String base, Path file, String type, CharSequence query)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/v1/validate/batch" + asQuery(query)))
                .header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofFile(file))
                .build();
        HttpResponse<Stream<String>> response = client.send(request, HttpResponse.BodyHandlers.ofLines());
        if (response.statusCode() != 200) {
            failUnlessOk(response.statusCode(), String.join("\n", (Iterable<String>) response.body()::iterator));
        }
        boolean[] allValid = {true};
        try (Stream<String> lines = response.body()) {
            lines.forEach(line -> {
                System.out.println(line);
                if (line.startsWith("{\"error\":")) {
                    // The batch stopped part-way (for example, the file could not be read further).
                    System.err.println("the batch stopped: " + line);
                    System.exit(2);
                }
                if (line.contains("\"report\":{\"valid\":false")) {
                    allValid[0] = false;
                }
            });
        }
        return allValid[0];
    }

    private static void failUnlessOk(int status, String body) {
        if (status != 200) {
            System.err.println("cen serve answered " + status + ": " + body);
            System.exit(2);
        }
    }

    private static void appendParameter(StringBuilder query, String name, String value) {
        if (query.length() > 0) {
            query.append('&');
        }
        query.append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
    }

    private static String asQuery(CharSequence query) {
        return query.length() == 0 ? "" : "?" + query;
    }
}
