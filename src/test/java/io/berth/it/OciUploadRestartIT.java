package io.berth.it;

import static io.berth.it.OciAssert.assertBody;
import static io.berth.it.OciAssert.assertStatus;
import static io.berth.it.OciAssert.header;
import static io.berth.it.RegistryClient.location;
import static io.berth.it.RegistryClient.randomBytes;
import static io.berth.it.RegistryClient.sha256;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * A chunked upload survives a restart of the server: upload state lives in the database and the store, never
 * only in the memory of the node that took the first chunk. Its own class because restarting costs a minute.
 */
class OciUploadRestartIT {

    @Test
    void aChunkedUploadContinuesAfterARestart() throws Exception {
        BerthServer server = BerthServer.shared();
        RegistryClient before = new RegistryClient(server);
        String repository = RegistryClient.uniqueRepository("restart-it");
        byte[] content = randomBytes(3 * 1024 * 1024 + 17, 1);
        int half = content.length / 2;
        String location = before.startUploadLocation(repository);
        HttpResponse<byte[]> first = before.patch(location, Arrays.copyOfRange(content, 0, half), 0);
        assertStatus(202, first);

        server.restart();

        // A fresh client: no connection of the old server's survives.
        RegistryClient after = new RegistryClient(server);
        HttpResponse<byte[]> status = after.get(location(first));
        assertStatus(204, status);
        assertEquals("0-" + (half - 1), header(status, "Range"));
        HttpResponse<byte[]> second = after.patch(location(status), Arrays.copyOfRange(content, half, content.length), half);
        assertStatus(202, second);
        assertEquals("0-" + (content.length - 1), header(second, "Range"));

        HttpResponse<byte[]> put = after.completeUpload(location(second), sha256(content), new byte[0]);

        assertStatus(201, put);
        HttpResponse<byte[]> get = after.get("/v2/" + repository + "/blobs/" + sha256(content));
        assertStatus(200, get);
        assertBody(content, get);
    }
}
