package org.factdesk.intake.worthiness;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * L2-regularised logistic regression fitted by L-BFGS (memory 10, backtracking line search), for sparse
 * features: minimises C·Σ log-loss + ½‖w‖² (the bias, the last weight, is not regularised), as
 * scikit-learn's LogisticRegression(C) does.
 */
public final class Lbfgs {

    public static double predict(double[] w, Map<Integer, Double> x) {
        double z = w[w.length - 1];
        for (var e : x.entrySet()) z += w[e.getKey()] * e.getValue();
        return 1 / (1 + Math.exp(-z));
    }

    public static double[] fitLogistic(List<Map<Integer, Double>> x, int[] y, int dims, double c) {
        int n = dims + 1;
        double[] w = new double[n];
        double[] g = new double[n];
        double f = lossAndGradient(x, y, w, g, c);
        Deque<double[][]> memory = new ArrayDeque<>();
        for (int iteration = 0; iteration < 500; iteration++) {
            double[] d = direction(g, memory);
            double step = 1, slope = dot(g, d);
            if (slope >= 0) {
                memory.clear();
                d = negate(g);
                slope = dot(g, d);
            }
            double[] next = new double[n];
            double[] nextG = new double[n];
            double nextF;
            while (true) {
                for (int i = 0; i < n; i++) next[i] = w[i] + step * d[i];
                nextF = lossAndGradient(x, y, next, nextG, c);
                if (nextF <= f + 1e-4 * step * slope || step < 1e-10) break;
                step /= 2;
            }
            double[] s = new double[n], yy = new double[n];
            for (int i = 0; i < n; i++) {
                s[i] = next[i] - w[i];
                yy[i] = nextG[i] - g[i];
            }
            if (dot(s, yy) > 1e-12) {
                memory.addFirst(new double[][]{s, yy});
                if (memory.size() > 10) memory.removeLast();
            }
            boolean converged = Math.abs(f - nextF) < 1e-9 * Math.max(1, Math.abs(f));
            w = next;
            g = nextG;
            f = nextF;
            if (converged) break;
        }
        return w;
    }

    private static double lossAndGradient(List<Map<Integer, Double>> x, int[] y, double[] w, double[] g, double c) {
        java.util.Arrays.fill(g, 0);
        double loss = 0;
        int bias = w.length - 1;
        for (int i = 0; i < x.size(); i++) {
            double z = w[bias];
            for (var e : x.get(i).entrySet()) z += w[e.getKey()] * e.getValue();
            double p = 1 / (1 + Math.exp(-z));
            loss += y[i] == 1 ? -Math.log(Math.max(p, 1e-15)) : -Math.log(Math.max(1 - p, 1e-15));
            double r = c * (p - y[i]);
            for (var e : x.get(i).entrySet()) g[e.getKey()] += r * e.getValue();
            g[bias] += r;
        }
        loss *= c;
        for (int j = 0; j < bias; j++) {
            loss += 0.5 * w[j] * w[j];
            g[j] += w[j];
        }
        return loss;
    }

    private static double[] direction(double[] g, Deque<double[][]> memory) {
        double[] q = g.clone();
        double[] alphas = new double[memory.size()];
        int k = 0;
        for (double[][] m : memory) {
            double rho = 1 / dot(m[1], m[0]);
            alphas[k] = rho * dot(m[0], q);
            for (int i = 0; i < q.length; i++) q[i] -= alphas[k] * m[1][i];
            k++;
        }
        if (!memory.isEmpty()) {
            double[][] last = memory.peekFirst();
            double gamma = dot(last[0], last[1]) / dot(last[1], last[1]);
            for (int i = 0; i < q.length; i++) q[i] *= gamma;
        }
        var it = memory.descendingIterator();
        k = memory.size() - 1;
        while (it.hasNext()) {
            double[][] m = it.next();
            double rho = 1 / dot(m[1], m[0]);
            double beta = rho * dot(m[1], q);
            for (int i = 0; i < q.length; i++) q[i] += m[0][i] * (alphas[k] - beta);
            k--;
        }
        return negate(q);
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    private static double[] negate(double[] a) {
        double[] b = new double[a.length];
        for (int i = 0; i < a.length; i++) b[i] = -a[i];
        return b;
    }

    private Lbfgs() {
    }
}
