package io.docstream.deploy;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The property names a SmallRye {@code @ConfigMapping} interface declares, read from the interface itself:
 * prefix + group path + method name in kebab case (or its {@code @WithName}). Settings such as an
 * optional endpoint exist only there, not in application.properties.
 */
final class ConfigMappingNames {

    private ConfigMappingNames() {}

    static Set<String> of(Class<?> mapping) {
        ConfigMapping annotation = mapping.getAnnotation(ConfigMapping.class);
        if (annotation == null) {
            throw new IllegalArgumentException(mapping + " is not a @ConfigMapping");
        }
        Set<String> names = new TreeSet<>();
        expand(annotation.prefix(), mapping, topLevel(mapping), names);
        return names;
    }

    private static void expand(String prefix, Class<?> group, Class<?> mapping, Set<String> out) {
        for (Method method : group.getMethods()) {
            if (method.isDefault() || Modifier.isStatic(method.getModifiers()) || method.getParameterCount() > 0) {
                continue;
            }
            WithName withName = method.getAnnotation(WithName.class);
            String full = prefix + "." + (withName != null ? withName.value() : kebab(method.getName()));
            Class<?> type = valueType(method);
            // A nested interface of the mapping is a group of settings; anything else is one setting.
            if (type.isInterface() && topLevel(type) == mapping) {
                expand(full, type, mapping, out);
            } else {
                out.add(full);
            }
        }
    }

    /** The method's type, or the type inside its Optional. */
    private static Class<?> valueType(Method method) {
        if (method.getReturnType() == Optional.class && method.getGenericReturnType() instanceof ParameterizedType p) {
            Type inner = p.getActualTypeArguments()[0];
            if (inner instanceof ParameterizedType q) {
                return (Class<?>) q.getRawType();
            }
            return (Class<?>) inner;
        }
        return method.getReturnType();
    }

    private static Class<?> topLevel(Class<?> type) {
        Class<?> outer = type;
        while (outer.getEnclosingClass() != null) {
            outer = outer.getEnclosingClass();
        }
        return outer;
    }

    static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
