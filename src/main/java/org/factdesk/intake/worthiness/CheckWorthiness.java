package org.factdesk.intake.worthiness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * How worth fact-checking a sentence is: a logistic regression over the named features of
 * {@link Features}, whose weights come from a human-readable file, so that every score comes with
 * the reasons that produced it. Immutable, hence thread-safe.
 */
public final class CheckWorthiness {

    static final String RESOURCE = "/intake/check-worthiness.json";

    private final double bias;
    private final double[] weights;
    private final double threshold;

    private CheckWorthiness(double bias, double[] weights, double threshold) {
        this.bias = bias;
        this.weights = weights.clone();
        this.threshold = threshold;
    }

    /** The shipped model, read once from the classpath resource /intake/check-worthiness.json. */
    public static CheckWorthiness load() {
        return Shipped.MODEL;
    }

    /** Score at or above which a sentence counts as check-worthy (chosen by cross-validation, see the weights file). */
    public double threshold() {
        return threshold;
    }

    public WorthinessScore score(String sentence) {
        double[] values = Features.extract(sentence);
        double logOdds = bias;
        List<Reason> reasons = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            if (values[i] == 0) continue;
            double contribution = weights[i] * values[i];
            logOdds += contribution;
            Features.Feature feature = Features.ALL.get(i);
            reasons.add(new Reason(feature.name(), feature.label(), contribution));
        }
        reasons.sort(Comparator.comparingDouble((Reason r) -> Math.abs(r.contribution())).reversed());
        return new WorthinessScore(1 / (1 + Math.exp(-logOdds)), reasons);
    }

    /** Reads a weights file; every feature must have a weight and every weight a feature, so none is silently lost. */
    static CheckWorthiness read(InputStream in) throws IOException {
        JsonNode root = new ObjectMapper().readTree(in);
        JsonNode weightsNode = root.required("weights");
        if (weightsNode.size() != Features.ALL.size()) {
            throw new IllegalStateException("weights file has " + weightsNode.size() + " weights for "
                    + Features.ALL.size() + " features");
        }
        double[] weights = new double[Features.ALL.size()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = weightsNode.required(Features.ALL.get(i).name()).asDouble();
        }
        return new CheckWorthiness(root.required("bias").asDouble(), weights, root.required("threshold").asDouble());
    }

    private static final class Shipped {
        static final CheckWorthiness MODEL = readResource();

        private static CheckWorthiness readResource() {
            try (InputStream in = CheckWorthiness.class.getResourceAsStream(RESOURCE)) {
                if (in == null) throw new IllegalStateException("missing classpath resource " + RESOURCE);
                return read(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
