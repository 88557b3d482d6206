package io.aide.cli.bench;

import java.util.Arrays;

/** Median and p90 of a sample, both taken as an element of the sorted sample (no interpolation). */
record Stats(double median, double p90) {

    static Stats of(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return new Stats(sorted[n / 2], sorted[Math.min(n - 1, (int) Math.ceil(n * 0.9) - 1)]);
    }
}
