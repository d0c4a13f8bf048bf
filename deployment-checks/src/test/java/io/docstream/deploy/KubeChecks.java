package io.docstream.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Does a rendered overlay wire the applications together the way they are configured? */
final class KubeChecks {
    enum Flavor {
        LOCAL,
        AWS
    }

    static final String NAMESPACE = "docstream";
    static final String SECRET = "docstream-s3-credentials";
    static final String API_KEYS_SECRET = "docstream-api-keys";
    /** The Secrets docs/deploy.md tells to create out-of-band, and their keys. */
    static final Map<String, Set<String>> SECRETS = Map.of(
            SECRET, Set.of("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"),
            API_KEYS_SECRET, Set.of(KubeChecks.API_KEYS_KEY));
    /** The key of {@link #API_KEYS_SECRET} the ingest service reads as its API keys file. */
    static final String API_KEYS_KEY = "api-keys";

    static final String INGEST = "docstream-ingest";
    static final String JOB = "docstream-streaming-job";
    static final String IRSA = "eks.amazonaws.com/role-arn";
    static final String K8S_MASTER = "k8s://https://kubernetes.default.svc";

    private final Rendered r;
    private final Flavor flavor;

    KubeChecks(Rendered r, Flavor flavor) {
        this.r = r;
        this.flavor = flavor;
    }

    // ---------------------------------------------------------------- secrets, namespace, selectors

    /** No secret value in git; every reference names the documented Secret and its keys. */
    Problems secrets() {
        Problems p = new Problems(r.overlay + " secrets");
        for (Secret s : r.all(Secret.class)) {
            boolean empty = (s.getData() == null || s.getData().isEmpty())
                    && (s.getStringData() == null || s.getStringData().isEmpty());
            p.check(empty, "Secret " + s.getMetadata().getName() + " carries data in git");
        }
        List<String> refs = new ArrayList<>();
        for (JsonNode d : r.docs) {
            collectSecretRefs(d, KubeModel.id(d), refs);
        }
        for (Map.Entry<String, String> e : jobConf().entrySet()) {
            if (e.getKey().startsWith("spark.kubernetes.executor.secretKeyRef.")
                    || e.getKey().startsWith("spark.kubernetes.driver.secretKeyRef.")) {
                String[] v = e.getValue().split(":", 2);
                refs.add("spark conf " + e.getKey() + "|" + v[0] + "|" + (v.length > 1 ? v[1] : ""));
            }
        }
        List<String> s3Refs = new ArrayList<>();
        for (String ref : refs) {
            String[] f = ref.split("\\|", -1);
            Set<String> keys = SECRETS.get(f[1]);
            p.check(
                    keys != null,
                    f[0] + " secret name: '" + f[1] + "' is none of the documented Secrets " + SECRETS.keySet());
            if (keys != null) {
                p.check(
                        keys.contains(f[2]),
                        f[0] + " uses key '" + f[2] + "' of " + f[1] + ", not one of the documented " + keys);
            }
            if (SECRET.equals(f[1])) {
                s3Refs.add(ref);
            }
        }
        if (flavor == Flavor.AWS) {
            p.check(s3Refs.isEmpty(), "the aws overlay uses IRSA but still references " + SECRET + ": " + s3Refs);
        } else {
            p.check(!s3Refs.isEmpty(), "nothing references " + SECRET + ": where do the pods get S3 credentials?");
        }
        return p;
    }

    private static void collectSecretRefs(JsonNode n, String where, List<String> out) {
        if (n.isObject()) {
            n.fields().forEachRemaining(f -> {
                if (f.getKey().equals("secretKeyRef")) {
                    out.add(where + "|" + f.getValue().path("name").asText() + "|"
                            + f.getValue().path("key").asText());
                } else if (f.getKey().equals("secretRef")) {
                    out.add(where + " envFrom|" + f.getValue().path("name").asText() + "|" + "<all keys>");
                } else if (f.getKey().equals("secret") && f.getValue().has("secretName")) {
                    // A volume names the keys it mounts in items; without them it mounts every key there is.
                    String name = f.getValue().path("secretName").asText();
                    if (f.getValue().path("items").isEmpty()) {
                        out.add(where + " volume|" + name + "|" + "<all keys>");
                    }
                    f.getValue()
                            .path("items")
                            .forEach(item -> out.add(where + " volume|" + name + "|"
                                    + item.path("key").asText()));
                } else {
                    collectSecretRefs(f.getValue(), where, out);
                }
            });
        } else if (n.isArray()) {
            n.forEach(x -> collectSecretRefs(x, where, out));
        }
    }

    /** One Namespace, everything in it; every kind of the project present. */
    Problems namespaceAndKinds() {
        Problems p = new Problems(r.overlay + " namespace");
        p.check(r.get(Namespace.class, NAMESPACE).isPresent(), "no Namespace " + NAMESPACE);
        for (HasMetadata o : r.objects) {
            if (!(o instanceof Namespace)) {
                p.same(
                        NAMESPACE,
                        o.getMetadata().getNamespace(),
                        o.getKind() + " " + o.getMetadata().getName() + " namespace");
            }
        }
        for (Class<? extends HasMetadata> kind : List.of(
                Deployment.class,
                Service.class,
                ConfigMap.class,
                ServiceAccount.class,
                Role.class,
                RoleBinding.class,
                Namespace.class)) {
            p.check(!r.all(kind).isEmpty(), "no " + kind.getSimpleName() + " rendered");
        }
        return p;
    }

    static List<PodTemplateSpec> templates(Rendered r) {
        List<PodTemplateSpec> t = new ArrayList<>();
        r.all(Deployment.class).forEach(d -> t.add(d.getSpec().getTemplate()));
        r.all(Job.class).forEach(j -> t.add(j.getSpec().getTemplate()));
        return t;
    }

    private static boolean selects(Map<String, String> selector, Map<String, String> labels) {
        return selector != null
                && !selector.isEmpty()
                && labels != null
                && labels.entrySet().containsAll(selector.entrySet());
    }

    /** Deployments select their own pods; every Service selects pods that have its target ports. */
    Problems selectorsAndPorts() {
        Problems p = new Problems(r.overlay + " selectors");
        for (Deployment d : r.all(Deployment.class)) {
            Map<String, String> sel = d.getSpec().getSelector() == null
                    ? null
                    : d.getSpec().getSelector().getMatchLabels();
            p.check(
                    selects(sel, d.getSpec().getTemplate().getMetadata().getLabels()),
                    "Deployment " + d.getMetadata().getName() + " selector " + sel + " does not match its pod labels");
            for (Container c : d.getSpec().getTemplate().getSpec().getContainers()) {
                p.check(
                        c.getImage() != null && !c.getImage().isBlank(),
                        d.getMetadata().getName() + "/" + c.getName() + " has no image");
            }
        }
        for (Service s : r.all(Service.class)) {
            Map<String, String> sel = s.getSpec().getSelector();
            List<PodTemplateSpec> pods = templates(r).stream()
                    .filter(t -> selects(sel, t.getMetadata().getLabels()))
                    .toList();
            if (pods.isEmpty()) {
                p.add("Service " + s.getMetadata().getName() + " selector " + sel + " matches no pod template");
                continue;
            }
            for (ServicePort sp : s.getSpec().getPorts()) {
                IntOrString target = sp.getTargetPort() == null ? new IntOrString(sp.getPort()) : sp.getTargetPort();
                for (PodTemplateSpec t : pods) {
                    p.check(
                            resolvePort(t.getSpec(), target).isPresent(),
                            "Service " + s.getMetadata().getName() + " port " + sp.getName() + " targets " + str(target)
                                    + ", which its pods do not declare");
                }
            }
        }
        return p;
    }

    static String str(IntOrString i) {
        return i == null ? null : i.getStrVal() != null ? i.getStrVal() : String.valueOf(i.getIntVal());
    }

    /** A named or numbered port to the container port number it means in this pod. */
    static Optional<Integer> resolvePort(PodSpec pod, IntOrString port) {
        if (port == null) {
            return Optional.empty();
        }
        for (Container c : pod.getContainers()) {
            for (ContainerPort cp : c.getPorts()) {
                if (port.getStrVal() != null
                        ? port.getStrVal().equals(cp.getName())
                        : Objects.equals(port.getIntVal(), cp.getContainerPort())) {
                    return Optional.of(cp.getContainerPort());
                }
            }
        }
        return Optional.empty();
    }

    // ---------------------------------------------------------------- ingest

    Optional<Deployment> ingestDeployment() {
        return r.get(Deployment.class, INGEST);
    }

    /** The ingest service's environment: ConfigMaps it takes with envFrom, plus its literal env. */
    Map<String, String> ingestEnv(Problems p) {
        Map<String, String> env = new LinkedHashMap<>();
        ingestDeployment().ifPresent(d -> {
            Container c = d.getSpec().getTemplate().getSpec().getContainers().get(0);
            for (EnvFromSource ef : c.getEnvFrom()) {
                if (ef.getConfigMapRef() != null) {
                    Optional<ConfigMap> cm =
                            r.get(ConfigMap.class, ef.getConfigMapRef().getName());
                    p.check(
                            cm.isPresent(),
                            "ingest envFrom ConfigMap " + ef.getConfigMapRef().getName() + " is not rendered");
                    cm.ifPresent(m -> env.putAll(m.getData()));
                }
            }
            for (EnvVar e : c.getEnv()) {
                env.put(
                        e.getName(),
                        e.getValue() == null
                                ? "<from " + (e.getValueFrom() == null ? "?" : "ref") + ">"
                                : e.getValue());
            }
        });
        return env;
    }

    Problems ingest(Optional<IngestConfig> config) {
        Problems p = new Problems(r.overlay + " ingest-service");
        Optional<Deployment> dep = ingestDeployment();
        if (dep.isEmpty()) {
            p.add("no Deployment " + INGEST);
            return p;
        }
        Deployment d = dep.get();
        PodSpec pod = d.getSpec().getTemplate().getSpec();
        p.same(1, pod.getContainers().size(), "ingest containers");
        Container c = pod.getContainers().get(0);
        p.same(flavor == Flavor.LOCAL ? 1 : 2, d.getSpec().getReplicas(), "ingest replicas");
        p.check(
                c.getImage().matches("(.+/)?docstream/ingest-service:[^:/]+"),
                "ingest image " + c.getImage() + " is not docstream/ingest-service");
        if (flavor == Flavor.LOCAL) {
            p.same("IfNotPresent", c.getImagePullPolicy(), "ingest imagePullPolicy");
            p.same(
                    Compose.image(Compose.fromRepo().service(ComposeChecks.INGEST)),
                    c.getImage(),
                    "ingest image vs the image docker compose builds");
        }
        int port = config.map(IngestConfig::httpPort).orElse(8080);
        probe(p, pod, c.getReadinessProbe(), "/q/health/ready", port, "readinessProbe");
        probe(p, pod, c.getLivenessProbe(), "/q/health/live", port, "livenessProbe");
        resources(p, c.getResources(), "ingest");
        nonRoot(p, pod, c, "ingest");

        Map<String, String> env = ingestEnv(p);
        p.same("s3", env.get("DOCSTREAM_STORE_KIND"), "ingest DOCSTREAM_STORE_KIND");
        p.same(ComposeChecks.BUCKET, env.get("DOCSTREAM_STORE_S3_BUCKET"), "ingest DOCSTREAM_STORE_S3_BUCKET");
        p.same(ComposeChecks.TOPIC, env.get("DOCSTREAM_TOPIC"), "ingest DOCSTREAM_TOPIC");
        p.same(ComposeChecks.OUTCOMES_TOPIC, env.get("DOCSTREAM_STATUS_TOPIC"), "ingest DOCSTREAM_STATUS_TOPIC");
        p.check(env.containsKey("KAFKA_BOOTSTRAP_SERVERS"), "ingest has no KAFKA_BOOTSTRAP_SERVERS");
        if (flavor == Flavor.LOCAL) {
            p.check(
                    env.containsKey("DOCSTREAM_STORE_S3_ENDPOINT"),
                    "local: ingest has no DOCSTREAM_STORE_S3_ENDPOINT (MinIO)");
            p.same(
                    "true",
                    env.get("DOCSTREAM_STORE_S3_PATH_STYLE"),
                    "local: ingest DOCSTREAM_STORE_S3_PATH_STYLE (MinIO)");
        } else {
            p.check(!env.containsKey("DOCSTREAM_STORE_S3_ENDPOINT"), "aws: ingest overrides the S3 endpoint");
        }
        config.ifPresent(cfg -> env.keySet().stream()
                .filter(k -> k.matches("(DOCSTREAM|KAFKA|QUARKUS|MP)_.*"))
                .forEach(k -> p.check(
                        cfg.propertyForEnv(k).isPresent(),
                        "ingest env " + k + " maps to no property of the ingest service (" + IngestConfig.FILE
                                + " or its @ConfigMapping)")));
        apiKeys(p, pod, c, env);
        Optional<Service> svc = r.get(Service.class, INGEST);
        p.check(svc.isPresent(), "no Service " + INGEST);
        svc.ifPresent(s -> p.check(
                s.getSpec().getPorts().stream()
                        .anyMatch(sp -> resolvePort(pod, sp.getTargetPort()).orElse(-1) == port),
                "Service " + INGEST + " does not forward to container port " + port));
        return p;
    }

    /**
     * The upload API keys reach the service as the file DOCSTREAM_AUTH_API_KEYS_FILE names, and that file is the
     * API keys Secret's key, mounted read-only as a whole folder (a subPath mount would never see an update).
     */
    private static void apiKeys(Problems p, PodSpec pod, Container c, Map<String, String> env) {
        String file = env.get("DOCSTREAM_AUTH_API_KEYS_FILE");
        if (file == null) {
            p.add("ingest has no DOCSTREAM_AUTH_API_KEYS_FILE: where do its API keys come from?");
            return;
        }
        int slash = file.lastIndexOf('/');
        String dir = file.substring(0, Math.max(slash, 0));
        String name = file.substring(slash + 1);
        Optional<VolumeMount> mount = c.getVolumeMounts().stream()
                .filter(vm -> vm.getMountPath().replaceAll("/$", "").equals(dir))
                .findFirst();
        if (mount.isEmpty()) {
            p.add("DOCSTREAM_AUTH_API_KEYS_FILE " + file + " is in no mounted folder of the ingest container");
            return;
        }
        VolumeMount vm = mount.get();
        p.check(
                vm.getSubPath() == null && vm.getSubPathExpr() == null,
                "the API keys are mounted with a subPath: the pods would never see an update of the Secret");
        p.same(Boolean.TRUE, vm.getReadOnly(), "the API keys mount readOnly");
        Optional<Volume> volume = pod.getVolumes().stream()
                .filter(v -> v.getName().equals(vm.getName()))
                .findFirst();
        boolean fromSecret = volume.map(v -> v.getSecret() != null
                        && API_KEYS_SECRET.equals(v.getSecret().getSecretName())
                        && v.getSecret().getItems() != null
                        && v.getSecret().getItems().stream()
                                .anyMatch(i -> API_KEYS_KEY.equals(i.getKey()) && name.equals(i.getPath())))
                .orElse(false);
        p.check(
                fromSecret,
                "DOCSTREAM_AUTH_API_KEYS_FILE " + file + " is not the key " + API_KEYS_KEY + " of the Secret "
                        + API_KEYS_SECRET + " mounted at " + dir);
    }

    private static void probe(Problems p, PodSpec pod, Probe probe, String path, int port, String what) {
        if (probe == null || probe.getHttpGet() == null) {
            p.add("ingest has no httpGet " + what);
            return;
        }
        HTTPGetAction get = probe.getHttpGet();
        p.same(path, get.getPath(), "ingest " + what + " path");
        p.same(Optional.of(port), resolvePort(pod, get.getPort()), "ingest " + what + " port (quarkus.http.port)");
    }

    private static void resources(Problems p, ResourceRequirements res, String who) {
        for (String kind : List.of("cpu", "memory")) {
            p.check(
                    res != null
                            && res.getRequests() != null
                            && res.getRequests().containsKey(kind),
                    who + " has no " + kind + " request");
        }
        p.check(
                res != null && res.getLimits() != null && res.getLimits().containsKey("memory"),
                who + " has no memory limit");
    }

    private static void nonRoot(Problems p, PodSpec pod, Container c, String who) {
        PodSecurityContext sc = pod.getSecurityContext();
        p.check(
                sc != null && Boolean.TRUE.equals(sc.getRunAsNonRoot()),
                who + ": pod securityContext.runAsNonRoot is not true");
        p.check(
                sc != null && sc.getRunAsUser() != null && sc.getRunAsUser() != 0,
                who + ": pod securityContext.runAsUser is not a non-zero uid");
        p.check(
                c.getSecurityContext() != null
                        && Boolean.FALSE.equals(c.getSecurityContext().getAllowPrivilegeEscalation()),
                who + ": allowPrivilegeEscalation is not false");
        p.same(
                Boolean.FALSE,
                pod.getEnableServiceLinks(),
                who + " enableServiceLinks (service env vars would leak into its configuration)");
    }

    // ---------------------------------------------------------------- streaming job

    Optional<Deployment> jobDeployment() {
        return r.get(Deployment.class, JOB);
    }

    /** The driver container's command + args as one shell line. */
    String driverScript() {
        return jobDeployment()
                .map(d -> {
                    Container c =
                            d.getSpec().getTemplate().getSpec().getContainers().get(0);
                    List<String> all = new ArrayList<>(c.getCommand());
                    all.addAll(c.getArgs());
                    return String.join(" ", all);
                })
                .orElse("");
    }

    Optional<SparkArgs> driverArgs() {
        return SparkArgs.fromCommand(SparkArgs.words(driverScript()));
    }

    /** The files the driver's --properties-file is made of, in order, as mounted ConfigMap keys. */
    List<String> confFiles() {
        String script = driverScript();
        Matcher cat = Pattern.compile("cat\\s+((?:\\S+\\s+)+?)>\\s*(\\S+)").matcher(script);
        String propertiesFile =
                driverArgs().map(a -> a.options.get("--properties-file")).orElse(null);
        if (cat.find() && cat.group(2).equals(propertiesFile)) {
            return SparkArgs.words(cat.group(1));
        }
        return propertiesFile == null ? List.of() : List.of(propertiesFile);
    }

    /** The mounted file's content: the key of the ConfigMap volume mounted at its folder. */
    Optional<String> mountedFile(String path) {
        Optional<Deployment> d = jobDeployment();
        if (d.isEmpty()) {
            return Optional.empty();
        }
        PodSpec pod = d.get().getSpec().getTemplate().getSpec();
        int slash = path.lastIndexOf('/');
        String dir = path.substring(0, slash);
        String file = path.substring(slash + 1);
        for (VolumeMount vm : pod.getContainers().get(0).getVolumeMounts()) {
            if (vm.getMountPath().replaceAll("/$", "").equals(dir)) {
                for (Volume v : pod.getVolumes()) {
                    if (v.getName().equals(vm.getName()) && v.getConfigMap() != null) {
                        return r.get(ConfigMap.class, v.getConfigMap().getName())
                                .map(cm -> cm.getData().get(file));
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The Spark configuration the driver starts with: properties files, then --conf (which win). */
    Map<String, String> jobConf() {
        Map<String, String> conf = new LinkedHashMap<>();
        for (String f : confFiles()) {
            mountedFile(f).ifPresent(text -> conf.putAll(SparkArgs.parseProperties(text)));
        }
        driverArgs().ifPresent(a -> conf.putAll(a.conf));
        return conf;
    }

    Problems job(Optional<JobInfo> jobInfo, Optional<IngestConfig> ingestConfig) {
        Problems p = new Problems(r.overlay + " streaming-job");
        Optional<Deployment> dep = jobDeployment();
        if (dep.isEmpty()) {
            p.add("no Deployment " + JOB);
            return p;
        }
        Deployment d = dep.get();
        PodSpec pod = d.getSpec().getTemplate().getSpec();
        Container c = pod.getContainers().get(0);
        p.same(1, d.getSpec().getReplicas(), "job replicas (one driver per checkpoint)");
        p.same(
                "Recreate",
                d.getSpec().getStrategy() == null
                        ? null
                        : d.getSpec().getStrategy().getType(),
                "job strategy (a rolling update would run two drivers on one checkpoint)");
        p.check(
                c.getImage().matches("(.+/)?docstream/streaming-job:[^:/]+"),
                "job image " + c.getImage() + " is not docstream/streaming-job");
        if (flavor == Flavor.LOCAL) {
            p.same("IfNotPresent", c.getImagePullPolicy(), "job imagePullPolicy");
            p.same(
                    Compose.image(Compose.fromRepo().service(ComposeChecks.JOB)),
                    c.getImage(),
                    "job image vs the image docker compose builds");
        }
        resources(p, c.getResources(), "job driver");
        nonRoot(p, pod, c, "job driver");

        // RBAC: the pod's ServiceAccount is bound to a Role that lets it manage executors.
        String sa = pod.getServiceAccountName();
        p.check(
                sa != null && r.get(ServiceAccount.class, sa).isPresent(),
                "job ServiceAccount " + sa + " is not rendered");
        List<Role> roles = new ArrayList<>();
        for (RoleBinding rb : r.all(RoleBinding.class)) {
            for (Subject s : rb.getSubjects()) {
                if ("ServiceAccount".equals(s.getKind()) && Objects.equals(sa, s.getName())) {
                    p.same(
                            NAMESPACE,
                            s.getNamespace(),
                            "RoleBinding " + rb.getMetadata().getName() + " subject namespace");
                    p.same(
                            "Role",
                            rb.getRoleRef().getKind(),
                            "RoleBinding " + rb.getMetadata().getName() + " roleRef kind");
                    Optional<Role> role = r.get(Role.class, rb.getRoleRef().getName());
                    p.check(
                            role.isPresent(),
                            "RoleBinding " + rb.getMetadata().getName() + " binds missing Role "
                                    + rb.getRoleRef().getName());
                    role.ifPresent(roles::add);
                }
            }
        }
        p.check(!roles.isEmpty(), "no RoleBinding binds ServiceAccount " + sa + " to an existing Role");
        for (String resource : List.of("pods", "services", "configmaps", "persistentvolumeclaims")) {
            Set<String> verbs = new TreeSet<>();
            for (Role role : roles) {
                for (PolicyRule rule : role.getRules()) {
                    if (rule.getApiGroups().contains("") && rule.getResources().contains(resource)) {
                        verbs.addAll(rule.getVerbs());
                    }
                }
            }
            p.check(
                    verbs.containsAll(List.of("create", "delete", "get", "list", "watch")),
                    "the job's Role grants " + verbs + " on " + resource + ", needs create/delete/get/list/watch");
        }

        // spark-submit in client mode against the API server.
        Optional<SparkArgs> args = driverArgs();
        if (args.isEmpty()) {
            p.add("the driver container does not run spark-submit: " + driverScript());
            return p;
        }
        SparkArgs a = args.get();
        p.same(K8S_MASTER, a.options.get("--master"), "job --master");
        p.same("client", a.options.get("--deploy-mode"), "job --deploy-mode");
        p.same(Dockerfiles.jobJarPath(), a.appResource, "job application jar vs streaming-job/Dockerfile");
        Set<String> defined = new TreeSet<>();
        c.getEnv().forEach(e -> defined.add(e.getName()));
        Matcher var = Pattern.compile("\\$\\(([A-Za-z_][A-Za-z0-9_]*)\\)").matcher(driverScript());
        while (var.find()) {
            p.check(
                    defined.contains(var.group(1)),
                    "driver args use $(" + var.group(1) + "), which its env does not define");
        }
        for (String f : confFiles()) {
            if (!f.startsWith("/tmp/")) {
                p.check(
                        mountedFile(f).isPresent(),
                        "the driver reads " + f + ", which no mounted ConfigMap key provides");
            }
        }

        Map<String, String> conf = jobConf();
        p.same(
                c.getImage(),
                conf.get("spark.kubernetes.container.image"),
                "spark.kubernetes.container.image (executors) vs the driver's image");
        p.same(
                NAMESPACE,
                conf.getOrDefault("spark.kubernetes.namespace", "").replace("$(POD_NAMESPACE)", NAMESPACE),
                "spark.kubernetes.namespace");
        if (conf.containsKey("spark.kubernetes.authenticate.executor.serviceAccountName")) {
            p.same(
                    sa,
                    conf.get("spark.kubernetes.authenticate.executor.serviceAccountName"),
                    "executor ServiceAccount");
        }
        // Executors reach the driver through a headless Service that selects the driver pod.
        String driverHost = conf.getOrDefault("spark.driver.host", "");
        String svcName = driverHost.split("\\.")[0];
        Optional<Service> svc = r.get(Service.class, svcName);
        p.check(svc.isPresent(), "spark.driver.host " + driverHost + " is no Service of the render");
        p.check(
                driverHost.equals(svcName)
                        || driverHost.startsWith(svcName + "." + NAMESPACE)
                        || driverHost.startsWith(svcName + ".$(POD_NAMESPACE)"),
                "spark.driver.host " + driverHost + " is not <service>.<namespace>");
        svc.ifPresent(s -> {
            p.same("None", s.getSpec().getClusterIP(), "driver Service clusterIP (headless)");
            p.check(
                    selects(
                            s.getSpec().getSelector(),
                            d.getSpec().getTemplate().getMetadata().getLabels()),
                    "driver Service does not select the driver pod");
            for (String portKey : List.of("spark.driver.port", "spark.driver.blockManager.port")) {
                String v = conf.get(portKey);
                p.check(v != null, portKey + " is not fixed: the headless Service cannot expose it");
                if (v != null) {
                    int n = Integer.parseInt(v);
                    p.check(
                            s.getSpec().getPorts().stream()
                                    .anyMatch(sp -> sp.getPort() == n
                                            && resolvePort(pod, sp.getTargetPort())
                                                            .orElse(-1)
                                                    == n),
                            "driver Service does not expose " + portKey + "=" + n + " to the driver container");
                }
            }
        });

        jobInfo.ifPresent(j -> ComposeChecks.checkJobKeys(p, conf, a.options.get("--class"), j));
        ComposeChecks.checkS3aProviders(p, conf);
        ComposeChecks.checkDocumentSizeLimits(p, ingestEnv(new Problems("ignored")), ingestConfig, conf, jobInfo);
        for (String required : List.of(
                "spark.docstream.kafka.bootstrap",
                "spark.docstream.topic",
                "spark.docstream.input",
                "spark.docstream.output",
                "spark.docstream.checkpoint")) {
            p.check(conf.containsKey(required), "job does not set " + required);
        }

        // The job and the ingest service agree on topic, bootstrap, bucket, prefix and endpoint.
        Map<String, String> ingest = ingestEnv(new Problems("ignored"));
        p.same(ingest.get("DOCSTREAM_TOPIC"), conf.get("spark.docstream.topic"), "job topic vs ingest DOCSTREAM_TOPIC");
        p.same(
                ingest.get("DOCSTREAM_STATUS_TOPIC"),
                conf.get("spark.docstream.outcomes.topic"),
                "job outcomes topic vs ingest DOCSTREAM_STATUS_TOPIC");
        p.same(
                ingest.get("KAFKA_BOOTSTRAP_SERVERS"),
                conf.get("spark.docstream.kafka.bootstrap"),
                "job Kafka bootstrap vs ingest KAFKA_BOOTSTRAP_SERVERS");
        String bucket = ingest.get("DOCSTREAM_STORE_S3_BUCKET");
        String prefix = ingest.getOrDefault("DOCSTREAM_STORE_PREFIX", "incoming/");
        p.same(
                "s3a://" + bucket + "/" + prefix,
                conf.get("spark.docstream.input"),
                "job input vs ingest bucket/prefix");
        p.check(
                conf.getOrDefault("spark.docstream.output", "").startsWith("s3a://" + bucket + "/tables/"),
                "job output is not under s3a://" + bucket + "/tables/");
        p.check(
                conf.getOrDefault("spark.docstream.checkpoint", "").startsWith("s3a://" + bucket + "/checkpoints/"),
                "job checkpoint is not under s3a://" + bucket + "/checkpoints/");
        p.same(
                ingest.get("DOCSTREAM_STORE_S3_ENDPOINT"),
                conf.get("spark.hadoop.fs.s3a.endpoint"),
                "job fs.s3a.endpoint vs ingest DOCSTREAM_STORE_S3_ENDPOINT");
        if (ingest.containsKey("DOCSTREAM_STORE_S3_ENDPOINT")) {
            p.same(
                    ingest.get("DOCSTREAM_STORE_S3_PATH_STYLE"),
                    conf.get("spark.hadoop.fs.s3a.path.style.access"),
                    "job path-style vs ingest");
        }
        return p;
    }

    // ---------------------------------------------------------------- per environment

    /** local: the endpoints are Services of the render, and the init Jobs create the topic and bucket. */
    Problems localInfra() {
        Problems p = new Problems(r.overlay + " in-cluster Kafka/MinIO");
        Map<String, String> ingest = ingestEnv(p);
        for (String bootstrap :
                ingest.getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "").split(",")) {
            serviceAt(p, bootstrap.trim(), "KAFKA_BOOTSTRAP_SERVERS");
        }
        URI endpoint = URI.create(ingest.getOrDefault("DOCSTREAM_STORE_S3_ENDPOINT", "http://missing:0"));
        serviceAt(p, endpoint.getHost() + ":" + endpoint.getPort(), "DOCSTREAM_STORE_S3_ENDPOINT");
        // Kafka advertises the address the clients use.
        r.get(Deployment.class, "kafka")
                .ifPresentOrElse(
                        k -> {
                            Map<String, String> env = new LinkedHashMap<>();
                            k.getSpec()
                                    .getTemplate()
                                    .getSpec()
                                    .getContainers()
                                    .get(0)
                                    .getEnv()
                                    .forEach(e -> env.put(e.getName(), e.getValue()));
                            p.check(
                                    ComposeChecks.listeners(env.get("KAFKA_ADVERTISED_LISTENERS"))
                                            .containsValue(ingest.get("KAFKA_BOOTSTRAP_SERVERS")),
                                    "kafka advertises " + env.get("KAFKA_ADVERTISED_LISTENERS") + ", clients use "
                                            + ingest.get("KAFKA_BOOTSTRAP_SERVERS"));
                            p.same(
                                    Boolean.FALSE,
                                    k.getSpec().getTemplate().getSpec().getEnableServiceLinks(),
                                    "kafka enableServiceLinks (KAFKA_PORT=tcp://... would become a broker setting)");
                        },
                        () -> p.add("no kafka Deployment"));
        String topicJob = jobCommand("kafka-init");
        p.check(
                topicJob.matches(
                        ".*--topic\\s+" + Pattern.quote(ingest.getOrDefault("DOCSTREAM_TOPIC", "?")) + "(\\s.*|$)"),
                "kafka-init does not create topic " + ingest.get("DOCSTREAM_TOPIC") + ": " + topicJob);
        p.check(
                topicJob.matches(".*--topic\\s+" + Pattern.quote(ingest.getOrDefault("DOCSTREAM_STATUS_TOPIC", "?"))
                        + "(\\s.*|$)"),
                "kafka-init does not create the outcomes topic " + ingest.get("DOCSTREAM_STATUS_TOPIC") + ": "
                        + topicJob);
        p.check(
                topicJob.contains("--bootstrap-server " + ingest.get("KAFKA_BOOTSTRAP_SERVERS")),
                "kafka-init uses another bootstrap: " + topicJob);
        String bucketJob = jobCommand("minio-init");
        p.check(
                bucketJob.matches(".*mc mb (--ignore-existing )?\\w+/"
                        + Pattern.quote(ingest.getOrDefault("DOCSTREAM_STORE_S3_BUCKET", "?")) + "(\\s.*|$)"),
                "minio-init does not create bucket " + ingest.get("DOCSTREAM_STORE_S3_BUCKET") + ": " + bucketJob);
        p.check(
                bucketJob.contains(ingest.getOrDefault("DOCSTREAM_STORE_S3_ENDPOINT", "?")),
                "minio-init talks to another endpoint: " + bucketJob);
        return p;
    }

    private String jobCommand(String name) {
        return r.get(Job.class, name)
                .map(j -> {
                    Container c =
                            j.getSpec().getTemplate().getSpec().getContainers().get(0);
                    List<String> all = new ArrayList<>(c.getCommand());
                    all.addAll(c.getArgs());
                    return String.join(" ", all).replaceAll("\\s+", " ");
                })
                .orElse("<no Job " + name + ">");
    }

    private void serviceAt(Problems p, String hostPort, String what) {
        int colon = hostPort.lastIndexOf(':');
        if (colon < 0) {
            p.add(what + " " + hostPort + " has no port");
            return;
        }
        String host = hostPort.substring(0, colon).split("\\.")[0];
        int port = Integer.parseInt(hostPort.substring(colon + 1));
        Optional<Service> s = r.get(Service.class, host);
        p.check(s.isPresent(), what + " " + hostPort + ": no Service " + host + " in the render");
        s.ifPresent(svc -> p.check(
                svc.getSpec().getPorts().stream().anyMatch(sp -> sp.getPort() == port),
                what + " " + hostPort + ": Service " + host + " has no port " + port));
    }

    /** aws: IRSA on both ServiceAccounts, no endpoint override, registry images, placeholders visible. */
    Problems aws() {
        Problems p = new Problems(r.overlay + " AWS");
        for (String sa : List.of(INGEST, JOB)) {
            Optional<ServiceAccount> s = r.get(ServiceAccount.class, sa);
            String arn = s.map(x -> x.getMetadata().getAnnotations())
                    .map(m -> m.get(IRSA))
                    .orElse(null);
            p.check(
                    arn != null && arn.startsWith("arn:aws:iam::"),
                    "ServiceAccount " + sa + " has no " + IRSA + " annotation");
        }
        ingestDeployment()
                .ifPresent(d -> p.same(
                        INGEST,
                        d.getSpec().getTemplate().getSpec().getServiceAccountName(),
                        "ingest serviceAccountName"));
        Map<String, String> conf = jobConf();
        p.check(!conf.containsKey("spark.hadoop.fs.s3a.endpoint"), "aws: the job overrides the S3 endpoint");
        p.check(!"true".equals(conf.get("spark.hadoop.fs.s3a.path.style.access")), "aws: path-style access on real S3");
        String provider = conf.getOrDefault("spark.hadoop.fs.s3a.aws.credentials.provider", "");
        p.check(
                provider.isEmpty()
                        || provider.contains("DefaultCredentialsProvider")
                        || provider.contains("WebIdentity"),
                "aws: the S3A credentials provider " + provider + " cannot use IRSA");
        for (Deployment d : r.all(Deployment.class)) {
            for (Container c : d.getSpec().getTemplate().getSpec().getContainers()) {
                p.check(
                        c.getImage().contains(".dkr.ecr."),
                        "aws: image " + c.getImage() + " is not from a registry (ECR)");
            }
        }
        return p;
    }
}
