package io.docstream.bench;

import java.util.Arrays;
import java.util.Collection;

/** Nearest-rank percentiles of a sample; NaN for an empty one. */
final class Percentiles {

    private final double[] sorted;

    Percentiles(Collection<? extends Number> values) {
        this.sorted = values.stream().mapToDouble(Number::doubleValue).sorted().toArray();
    }

    double at(double percent) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    double max() {
        return sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1];
    }

    int count() {
        return sorted.length;
    }

    double mean() {
        return Arrays.stream(sorted).average().orElse(Double.NaN);
    }
}
