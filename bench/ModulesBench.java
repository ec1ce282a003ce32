import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The contacts and meetings modules as staff use them (see modules.sh): latency of reads and writes,
 * document upload and download throughput with checksums, the lists of participants, heap after GC.
 */
public class ModulesBench {

    private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");

    public static void main(String[] args) throws Exception {
        String base = "http://127.0.0.1:" + args[0];
        String password = args[1];
        String pid = args[2];
        int requests = Integer.parseInt(args[3]);
        int uploadMegabytes = Integer.parseInt(args[4]);
        int participants = Integer.parseInt(args[5]);
        BenchSupport.Session admin = new BenchSupport.Session(base, password);
        admin.json("POST", "/api/platform/modules/contacts/install", null);
        admin.json("POST", "/api/platform/modules/meetings/install", null);
        System.out.println("heap after full GC with both modules installed: " + BenchSupport.heapAfterFullGc(pid));

        // Some directory content to search.
        for (int i = 0; i < 200; i++) {
            admin.json("POST", "/api/contacts/people", "{\"givenName\":\"Delegate\",\"familyName\":\"Number " + i + "\"}");
            if (i % 4 == 0) {
                admin.json("POST", "/api/contacts/organisations", "{\"name\":\"Organisation " + i + "\",\"type\":\"NGO\"}");
            }
        }
        BenchSupport.report("GET states page (size 50, sorted by name)", requests, () -> admin.json("GET", "/api/contacts/states?size=50&lang=fr", null));
        BenchSupport.report("GET states filtered by text", requests, () -> admin.json("GET", "/api/contacts/states?q=ar&size=20", null));
        BenchSupport.report("GET directory search, page 2", requests, () -> admin.json("GET", "/api/contacts/search?q=numb&page=2&size=20", null));
        String[] codes = {"FR", "NO", "DE", "ES", "IT", "CH", "AT", "BE", "NL", "SE"};
        int[] version = new int[1];
        BenchSupport.report("PUT state status (history kept)", requests, () -> {
            String code = codes[version[0]++ % codes.length];
            admin.json("PUT", "/api/contacts/states/" + code + "/status", version[0] % 2 == 0
                    ? "{\"status\":\"SIGNATORY\",\"signatureDate\":\"2008-12-03\"}"
                    : "{\"status\":\"STATE_PARTY\",\"instrument\":\"RATIFICATION\",\"signatureDate\":\"2008-12-03\",\"depositDate\":\"2010-08-01\"}");
        });

        // The convention's first meeting type (MSP for the CCM, CSP for the ATT), from the profile served.
        Matcher firstType = Pattern.compile("\"meetingTypes\":\\{\"([^\"]+)\"").matcher(admin.json("GET", "/api/platform/profile", null));
        if (!firstType.find()) {
            throw new IllegalStateException("the profile names no meeting type");
        }
        String meeting = admin.json("POST", "/api/meetings", "{\"type\":\"" + firstType.group(1) + "\",\"number\":14,\"title\":\"Bench meeting\","
                + "\"startDate\":\"2026-09-07\",\"endDate\":\"2026-09-10\"}");
        long meetingId = id(meeting);
        BenchSupport.report("GET meetings page", requests, () -> admin.json("GET", "/api/meetings?size=50", null));

        byte[] file = new byte[uploadMegabytes * 1024 * 1024];
        byte[] head = "%PDF-1.4\n".getBytes();
        System.arraycopy(head, 0, file, 0, head.length);
        for (int i = head.length; i < file.length; i++) {
            file[i] = (byte) ('a' + i % 26);
        }
        int uploads = 10;
        List<Long> ids = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < uploads; i++) {
            file[file.length - 1] = (byte) i; // a different checksum each time
            ids.add(id(new String(admin.send(multipart(base + "/api/meetings/" + meetingId + "/documents", file, "Document " + i)).body())));
        }
        double uploadSeconds = (System.nanoTime() - start) / 1e9;
        start = System.nanoTime();
        for (long documentId : ids) {
            HttpResponse<byte[]> download = admin.send(HttpRequest.newBuilder(URI.create(base + "/api/meetings/" + meetingId + "/documents/"
                    + documentId + "/en")).GET());
            String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(download.body()));
            if (!sha.equals(download.headers().firstValue("X-Content-SHA256").orElse(""))) {
                throw new IllegalStateException("checksum mismatch on document " + documentId);
            }
        }
        double downloadSeconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("upload %d x %d MB: %.1f MB/s; download with checksum check: %.1f MB/s%n", uploads, uploadMegabytes,
                uploads * uploadMegabytes / uploadSeconds, uploads * uploadMegabytes / downloadSeconds);

        for (int i = 0; i < participants; i++) {
            admin.json("POST", "/api/meetings/" + meetingId + "/participants", i % 3 == 0
                    ? "{\"delegationKind\":\"STATE\",\"stateIso2\":\"" + codes[i % codes.length] + "\",\"familyName\":\"Delegate " + i + "\"}"
                    : "{\"delegationKind\":\"ORGANISATION\",\"delegation\":\"Organisation " + (i % 40) + "\",\"familyName\":\"Observer " + i + "\"}");
        }
        for (String format : new String[] {"html", "csv", "pdf"}) {
            BenchSupport.report("list of " + participants + " participants as " + format, 20,
                    () -> admin.send(HttpRequest.newBuilder(URI.create(base + "/api/meetings/" + meetingId + "/participants/list." + format
                            + "?status=PENDING")).GET()));
        }
        // An online backup of this data set (database, documents, kept module versions).
        long backupStart = System.nanoTime();
        String backup = admin.json("POST", "/api/platform/backup", null);
        Matcher size = Pattern.compile("\"size\":(\\d+)").matcher(backup);
        Matcher entries = Pattern.compile("\"entries\":(\\d+)").matcher(backup);
        System.out.printf("online backup: %.2f s, %s bytes, %s files%n", (System.nanoTime() - backupStart) / 1e9,
                size.find() ? size.group(1) : "?", entries.find() ? entries.group(1) : "?");
        System.out.println("heap after full GC at the end: " + BenchSupport.heapAfterFullGc(pid));
    }

    static long id(String json) {
        Matcher matcher = ID.matcher(json);
        if (!matcher.find()) {
            throw new IllegalStateException("no id in " + json);
        }
        return Long.parseLong(matcher.group(1));
    }

    static HttpRequest.Builder multipart(String url, byte[] file, String title) {
        String boundary = "----bench" + System.nanoTime();
        String fields = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\n" + title + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"category\"\r\n\r\nINFORMATION\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"language\"\r\n\r\nen\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"document.pdf\"\r\nContent-Type: application/pdf\r\n\r\n";
        String end = "\r\n--" + boundary + "--\r\n";
        return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofString(fields), HttpRequest.BodyPublishers.ofByteArray(file),
                        HttpRequest.BodyPublishers.ofString(end)));
    }
}
