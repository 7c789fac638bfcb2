package io.berth.registry.boundary.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.registry.entity.Descriptor;
import io.berth.registry.entity.Digest;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the artifact page reads from an image config: the summary and the build history, whatever the client wrote. */
class ArtifactContentsTest {

    static final Descriptor CONFIG = Descriptor.of("application/vnd.oci.image.config.v1+json",
            Digest.parse("sha256:" + "a".repeat(64)), 1234);

    static JsonObject json(String text) {
        return Json.createReader(new StringReader(text.replace('\'', '"'))).readObject();
    }

    @Test
    void aDockerfilesConfigReadsAsItsSummary() {
        ArtifactContentView.ImageConfig config = ArtifactContents.summary(CONFIG, json("""
                {'architecture':'arm64','variant':'v8','os':'linux','created':'2026-11-01T10:00:00.5+01:00','author':'me',
                 'config':{'Entrypoint':['/bin/app'],'Cmd':['--serve','-v'],'Env':['A=1'],'WorkingDir':'/srv','User':'app',
                           'ExposedPorts':{'8080/tcp':{},'9090/tcp':{}},'Labels':{'org.opencontainers.image.source':'x'}}}"""));
        assertEquals("linux", config.os());
        assertEquals("arm64", config.architecture());
        assertEquals("v8", config.variant());
        assertEquals(Instant.parse("2026-11-01T09:00:00.5Z"), config.created());
        assertEquals(List.of("/bin/app"), config.entrypoint());
        assertEquals(List.of("--serve", "-v"), config.cmd());
        assertEquals(List.of("8080/tcp", "9090/tcp"), config.exposedPorts());
        assertEquals(Map.of("org.opencontainers.image.source", "x"), config.labels());
        assertEquals(1234, config.size());
    }

    @Test
    void fieldsOfTheWrongTypeAreLeftOutRatherThanFailingThePage() {
        ArtifactContentView.ImageConfig config = ArtifactContents.summary(CONFIG, json("""
                {'architecture':7,'os':'linux','created':'yesterday','config':{'Entrypoint':'/bin/sh','Cmd':[1,'x'],
                 'ExposedPorts':['80'],'Labels':{'a':1,'b':'2'}}}"""));
        assertNull(config.architecture());
        assertNull(config.created());
        assertEquals(List.of(), config.entrypoint());
        assertEquals(List.of("x"), config.cmd());
        assertEquals(List.of(), config.exposedPorts());
        assertEquals(Map.of("b", "2"), config.labels());
    }

    @Test
    void theHistoryKeepsItsOrderAndMarksStepsWithoutALayer() {
        List<ArtifactContentView.HistoryStep> history = ArtifactContents.history(json("""
                {'history':[{'created':'2026-11-01T09:00:00Z','created_by':'ADD rootfs.tar /'},
                            {'created_by':'ENV A=1','empty_layer':true},'junk',
                            {'created':'2026-11-01T10:00:00Z','created_by':'COPY app /app','comment':'buildkit'}]}"""));
        assertEquals(List.of("ADD rootfs.tar /", "ENV A=1", "COPY app /app"),
                history.stream().map(ArtifactContentView.HistoryStep::createdBy).toList());
        assertFalse(history.get(0).emptyLayer());
        assertTrue(history.get(1).emptyLayer());
        assertNull(history.get(1).created());
        assertEquals("buildkit", history.get(2).comment());
        assertEquals(List.of(), ArtifactContents.history(json("{'history':'none'}")));
    }
}
