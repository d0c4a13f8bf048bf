package io.docstream.deploy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.docstream.deploy.KubeChecks.Flavor;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * k8s/overlays/{local,aws}, rendered by kubectl's kustomize: every object fits the Kubernetes API
 * model, and the objects agree with each other and with the applications' configuration.
 */
class KubernetesTest {
    private static final Map<Flavor, Rendered> RENDERED = new ConcurrentHashMap<>();

    static Rendered rendered(Flavor f) {
        return RENDERED.computeIfAbsent(
                f, x -> Rendered.of("k8s/overlays/" + x.name().toLowerCase()));
    }

    private static void pass(Problems p) {
        assertTrue(p.isEmpty(), p::toString);
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void everyObjectFitsTheKubernetesApiModel(Flavor f) {
        Rendered r = rendered(f);
        assertTrue(r.docs.size() >= 10, "suspiciously few objects rendered: " + r.docs.size());
        pass(r.modelProblems);
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void namespaceAndKinds(Flavor f) {
        pass(new KubeChecks(rendered(f), f).namespaceAndKinds());
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void noSecretValuesAndOnlyTheDocumentedSecretIsReferenced(Flavor f) {
        pass(new KubeChecks(rendered(f), f).secrets());
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void selectorsMatchLabelsAndServicesTargetDeclaredPorts(Flavor f) {
        pass(new KubeChecks(rendered(f), f).selectorsAndPorts());
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void ingestDeploymentProbesResourcesAndConfiguration(Flavor f) {
        pass(new KubeChecks(rendered(f), f).ingest(IngestConfig.fromRepo()));
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void ingestConfigMapKeysAreEnvNamesTheServiceUnderstands(Flavor f) {
        Optional<IngestConfig> cfg = IngestConfig.fromRepo();
        assertTrue(cfg.isPresent(), IngestConfig.FILE + " is missing: ConfigMap keys cannot be checked against it");
        Problems p = new Problems(f + " ingest env");
        KubeChecks k = new KubeChecks(rendered(f), f);
        k.ingestEnv(p).keySet().stream()
                .filter(key -> !key.startsWith("AWS_"))
                .forEach(key -> p.check(
                        cfg.get().propertyForEnv(key).isPresent(),
                        key + " maps to no property of the ingest service (" + IngestConfig.FILE
                                + " or its @ConfigMapping)"));
        pass(p);
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void streamingJobDriverRbacAndConfiguration(Flavor f) {
        pass(new KubeChecks(rendered(f), f).job(JobInfo.fromRepo(), IngestConfig.fromRepo()));
    }

    @ParameterizedTest
    @EnumSource(value = Flavor.class, names = "LOCAL")
    void localOverlayRunsItsOwnKafkaAndMinio(Flavor f) {
        pass(new KubeChecks(rendered(f), f).localInfra());
    }

    @ParameterizedTest
    @EnumSource(value = Flavor.class, names = "AWS")
    void awsOverlayUsesIrsaRealS3AndARegistry(Flavor f) {
        pass(new KubeChecks(rendered(f), f).aws());
    }

    @ParameterizedTest
    @EnumSource(value = Flavor.class, names = "AWS")
    void bothApplicationsCanUseIrsa(Flavor f) {
        // IRSA is a web identity token: the AWS SDK v2's default chain only uses it when the sts module
        // is on the classpath.
        for (String pomFile : java.util.List.of("ingest-service/pom.xml", JobInfo.POM)) {
            String pom = Repo.read(pomFile);
            assertTrue(
                    pom.contains("software.amazon.awssdk"),
                    pomFile + " has no AWS SDK dependency: the IRSA check expects one");
            assertTrue(
                    pom.matches("(?s).*<artifactId>sts</artifactId>.*"),
                    "the aws overlay authenticates with IRSA, but " + pomFile + " lacks software.amazon.awssdk:sts");
        }
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void podsAreScrapedWithTheRulesJobNamesAndTheRulesAndDashboardShipAsConfigMaps(Flavor f) {
        pass(MonitoringChecks.kube(rendered(f), f));
    }
}
