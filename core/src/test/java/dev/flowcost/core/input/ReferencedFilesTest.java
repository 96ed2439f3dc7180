package dev.flowcost.core.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.flowcost.core.Diagnostic;
import dev.flowcost.core.asl.AslReadResult;
import dev.flowcost.core.asl.AslReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file named inside another input (a SAM template's DefinitionUri) is read only at or below the template's folder
 * or --base; every other path form is refused without reading, let alone quoting, the target.
 */
class ReferencedFilesTest {

    private static final String SECRET = "AWS_SECRET_ACCESS_KEY=TOPSECRET";
    private static final String DEFINITION = "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"End\":true}}}";

    @TempDir
    Path tmp;
    private Path repo;
    private Path secret;

    @BeforeEach
    void layout() throws IOException {
        repo = Files.createDirectories(tmp.resolve("repo/templates"));
        secret = Files.writeString(tmp.resolve("secrets.env"), SECRET);
        Files.writeString(repo.resolve("inside.asl.json"), DEFINITION);
        Files.createDirectories(repo.resolve("sub"));
        Files.writeString(repo.resolve("sub/deeper.asl.json"), DEFINITION);
    }

    private Path template(String uri) throws IOException {
        return Files.writeString(repo.resolve("template.yaml"), "Transform: AWS::Serverless-2016-10-31\n"
                + "Resources:\n  Orders:\n    Type: AWS::Serverless::StateMachine\n    Properties:\n"
                + "      Type: EXPRESS\n      DefinitionUri: " + uri + "\n");
    }

    private AslReadResult read(String uri) throws IOException {
        return new AslReader().read(template(uri));
    }

    private static void assertRefused(AslReadResult r, String why) {
        assertThat(r.machine()).isEmpty();
        Diagnostic d = r.diagnostics().stream().filter(Diagnostic::isError).findFirst().orElseThrow();
        assertThat(d.file()).endsWith("template.yaml");
        assertThat(d.line()).as("names the DefinitionUri line").isEqualTo(7);
        assertThat(d.pointer()).isEqualTo("/Resources/Orders/Properties/DefinitionUri");
        assertThat(d.message()).contains(why);
        assertThat(r.diagnostics()).allSatisfy(x -> assertThat(x.message()).doesNotContain("TOPSECRET", "PATH=", "HOME="));
    }

    @Test
    void aFileInTheTemplatesFolderOrBelowIsRead() throws IOException {
        AslReadResult same = read("inside.asl.json");
        assertThat(same.hasErrors()).as(same.diagnostics().toString()).isFalse();
        assertThat(same.machine()).isPresent();
        assertThat(same.referencedFile()).contains(repo.resolve("inside.asl.json").toRealPath());
        assertThat(read("sub/../sub/deeper.asl.json").machine()).isPresent();
        assertThat(read(repo.resolve("inside.asl.json").toString()).machine()).as("absolute but inside").isPresent();
    }

    @Test
    void anAbsolutePathOutsideIsRefused() throws IOException {
        assertRefused(read(secret.toString()), "outside the referring file's folder");
    }

    @Test
    void aDotDotEscapeIsRefused() throws IOException {
        assertRefused(read("../../secrets.env"), "outside the referring file's folder");
    }

    @Test
    void aSymlinkPointingOutIsRefused() throws IOException {
        Path link = repo.resolve("innocent.asl.json");
        try {
            Files.createSymbolicLink(link, secret);
        } catch (UnsupportedOperationException | IOException e) {
            assumeTrue(false, "no symbolic links here");
        }
        assertRefused(read("innocent.asl.json"), "outside the referring file's folder");
    }

    @Test
    void procSelfEnvironIsRefused() throws IOException {
        assertRefused(read("/proc/self/environ"), "outside the referring file's folder");
        assertRefused(read("../../../../../../../../proc/self/environ"), "outside the referring file's folder");
    }

    @Test
    void aDeviceIsRefused() throws IOException {
        assertRefused(read("/dev/zero"), "outside the referring file's folder");
        Path link = repo.resolve("zero.asl.json");
        try {
            Files.createSymbolicLink(link, Path.of("/dev/zero"));
        } catch (UnsupportedOperationException | IOException e) {
            assumeTrue(false, "no symbolic links here");
        }
        assertRefused(read("zero.asl.json"), "outside the referring file's folder");
    }

    @Test
    void aFifoInsideTheFolderIsRefusedWithoutBlocking() throws Exception {
        Path fifo = repo.resolve("pipe.asl.json");
        assumeTrue(mkfifo(fifo), "mkfifo not available");
        long start = System.nanoTime();
        assertRefused(read("pipe.asl.json"), "not a regular file");
        assertThat((System.nanoTime() - start) / 1e9).isLessThan(10);
    }

    @Test
    void aMissingFileInsideIsNamedMissingButOutsideNothingIsConfirmed() throws IOException {
        assertRefused(read("nowhere.asl.json"), "names no file");
        assertRefused(read("../../nowhere.asl.json"), "outside the referring file's folder");
    }

    @Test
    void baseWidensWhereReferencedFilesMayBe() throws IOException {
        Path shared = Files.createDirectories(tmp.resolve("repo/shared"));
        Files.writeString(shared.resolve("common.asl.json"), DEFINITION);
        Path t = template("../shared/common.asl.json");
        assertThat(new AslReader().read(t).hasErrors()).isTrue();
        AslReadResult withBase = new AslReader(ReferencedFiles.Allowed.of(tmp.resolve("repo"))).read(t);
        assertThat(withBase.hasErrors()).as(withBase.diagnostics().toString()).isFalse();
        assertThat(withBase.declaredType()).hasValueSatisfying(v -> assertThat(v.name()).isEqualTo("EXPRESS"));
        // the base does not open the rest of the disk
        assertThatThrownBy(() -> ReferencedFiles.resolve(t, secret.toString(), ReferencedFiles.Allowed.of(tmp.resolve("repo"))))
                .isInstanceOf(InputText.Refused.class).hasMessageContaining("outside --base");
    }

    @Test
    void cloudFormationDefinitionS3LocationAsALocalPathIsConfinedToo() throws IOException {
        Path t = Files.writeString(repo.resolve("cfn.yaml"), "Resources:\n  M:\n    Type: AWS::StepFunctions::StateMachine\n"
                + "    Properties:\n      StateMachineType: EXPRESS\n      DefinitionS3Location: ../../secrets.env\n");
        AslReadResult r = new AslReader().read(t);
        assertThat(r.hasErrors()).isTrue();
        assertThat(r.diagnostics()).anySatisfy(d -> assertThat(d.message()).contains("DefinitionS3Location", "outside"));
        assertThat(r.diagnostics()).allSatisfy(d -> assertThat(d.message()).doesNotContain("TOPSECRET"));
        Files.writeString(t, "Resources:\n  M:\n    Type: AWS::StepFunctions::StateMachine\n"
                + "    Properties:\n      StateMachineType: EXPRESS\n      DefinitionS3Location: inside.asl.json\n");
        AslReadResult ok = new AslReader().read(t);
        assertThat(ok.hasErrors()).as(ok.diagnostics().toString()).isFalse();
        assertThat(ok.declaredType()).map(Enum::name).isEqualTo(Optional.of("EXPRESS"));
    }

    static boolean mkfifo(Path p) {
        try {
            Process proc = new ProcessBuilder("mkfifo", p.toString()).redirectErrorStream(true).start();
            return proc.waitFor() == 0 && Files.exists(p);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @SuppressWarnings("unused")
    private static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
