package io.docstream.deploy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/deploy.md tells what the deployment needs, and its Athena DDL points at the job's Delta tables. */
class DocsTest {
    static final String DOC = "docs/deploy.md";
    static final String IRSA = "k8s/overlays/aws/irsa.yaml";

    @Test
    void everyReferencedSecretIsDocumentedWithItsKeys() {
        String doc = Repo.read(DOC);
        KubeChecks.SECRETS.forEach((name, keys) -> {
            Matcher m = Pattern.compile("kubectl -n docstream create secret generic " + Pattern.quote(name)
                            + "((?:\\s*\\\\?\\s*--from-(?:literal|file)=[\\w.-]+=\\S+)+)")
                    .matcher(doc);
            assertTrue(
                    m.find(),
                    DOC + " does not show `kubectl -n docstream create secret generic " + name
                            + " --from-literal=...` (or --from-file=KEY=...)");
            for (String key : keys) {
                assertTrue(
                        m.group(1).contains("--from-literal=" + key + "=")
                                || m.group(1).contains("--from-file=" + key + "="),
                        DOC + ": the command for " + name + " does not set " + key);
            }
        });
    }

    @Test
    void dockerComposeAndKubectlUsageAreDocumented() {
        String doc = Repo.read(DOC);
        for (String s : List.of(
                "mvn -B -DskipTests package",
                "docker compose up --build",
                "kubectl apply -k k8s/overlays/local",
                "kubectl apply -k k8s/overlays/aws",
                "curl ",
                "X-Api-Key",
                "/documents")) {
            assertTrue(doc.contains(s), DOC + " does not mention " + s);
        }
    }

    @Test
    void everyIrsaServiceAccountIsDocumented() {
        String doc = Repo.read(DOC);
        String irsa = Repo.read(IRSA);
        Matcher account = Pattern.compile("(?m)^  name: (\\S+)\n  annotations:\n    eks\\.amazonaws\\.com/role-arn: ")
                .matcher(irsa);
        List<String> accounts = account.results().map(m -> m.group(1)).toList();
        assertFalse(accounts.isEmpty(), IRSA + " annotates no service account with eks.amazonaws.com/role-arn");
        assertTrue(
                doc.contains("`eks.amazonaws.com/role-arn` annotations of `" + IRSA + "`"),
                DOC + " does not say to put the role ARNs in the eks.amazonaws.com/role-arn annotations of " + IRSA);
        for (String name : accounts) {
            assertTrue(
                    doc.contains("system:serviceaccount:docstream:" + name),
                    DOC + " does not tell the trust policy for the service account " + name);
        }
    }

    @Test
    void athenaLocationIsTheJobsOutput() {
        String output = new ComposeChecks(Compose.fromRepo())
                .jobArgs()
                .orElseThrow()
                .conf
                .get("spark.docstream.output");
        String s3 = output.replaceFirst("^s3a://", "s3://").replaceAll("/+$", "") + "/";
        String doc = Repo.read(DOC);
        for (String table : List.of("documents", "quarantine")) {
            String ddl = "CREATE EXTERNAL TABLE docstream." + table + "\n  LOCATION '" + s3 + table + "/'\n"
                    + "  TBLPROPERTIES ('table_type' = 'DELTA');";
            assertTrue(doc.contains(ddl), DOC + " has no Athena DDL for the Delta table at the job's output:\n" + ddl);
        }
    }
}
