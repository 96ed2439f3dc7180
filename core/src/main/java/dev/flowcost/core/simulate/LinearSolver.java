package dev.flowcost.core.simulate;

/** Gaussian elimination with partial pivoting, for the small dense systems of one scope's chain. */
final class LinearSolver {

    private static final double SINGULAR = 1e-12;

    private LinearSolver() {
    }

    /** Solves the augmented system {@code a} (n rows, n+1 columns; modified in place); null when singular. */
    static double[] solve(double[][] a) {
        int n = a.length;
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
                    pivot = r;
                }
            }
            if (Math.abs(a[pivot][col]) < SINGULAR) {
                return null;
            }
            double[] t = a[pivot];
            a[pivot] = a[col];
            a[col] = t;
            double[] row = a[col];
            for (int r = col + 1; r < n; r++) {
                double f = a[r][col] / row[col];
                if (f != 0) {
                    double[] target = a[r];
                    for (int c = col; c <= n; c++) {
                        target[c] -= f * row[c];
                    }
                }
            }
        }
        double[] x = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double s = a[r][n];
            for (int c = r + 1; c < n; c++) {
                s -= a[r][c] * x[c];
            }
            x[r] = s / a[r][r];
        }
        return x;
    }
}
