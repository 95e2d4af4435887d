package io.merx.recommendation.internal;

import java.util.ArrayList;
import java.util.List;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.recommendation.ALS;
import org.apache.spark.ml.recommendation.ALSModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Spark MLlib's implicit ALS on the same training pairs (already aggregated, same numbering), returning its
 * factors so the benchmark judges them with the same evaluation code.
 */
final class SparkAls implements AutoCloseable {

    private final SparkSession spark;
    final long startMillis;

    SparkAls() {
        long start = System.nanoTime();
        spark = SparkSession.builder().master("local[2]").appName("merx-benchmark")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4")
                .config("spark.driver.memory", "4g").getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        startMillis = (System.nanoTime() - start) / 1_000_000;
    }

    /**
     * Result of one fit: the factors, the wall time of {@code fit} (including materialising the factors) and the
     * CPU time the JVM used meanwhile (Spark local[2] runs in this JVM).
     */
    record Fit(Factors factors, double seconds, double cpuSeconds) {
    }

    Fit fit(Interactions train, AlsConfig config) {
        List<Row> rows = new ArrayList<>(train.size());
        train.forEach((user, item, weight) -> rows.add(RowFactory.create(user, item, weight)));
        StructType schema = new StructType().add("user", DataTypes.IntegerType).add("item", DataTypes.IntegerType)
                .add("rating", DataTypes.FloatType);
        JavaRDD<Row> rdd = JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(rows, 2);
        Dataset<Row> frame = spark.createDataFrame(rdd, schema).cache();
        frame.count(); // load the data before the clock starts, as a Spark user's table would be
        ALS als = new ALS().setImplicitPrefs(true).setRank(config.rank()).setMaxIter(config.iterations())
                .setRegParam(config.regularisation()).setAlpha(config.alpha()).setSeed(config.seed())
                .setUserCol("user").setItemCol("item").setRatingCol("rating").setNonnegative(false);
        long start = System.nanoTime();
        double cpu = RecommendationBenchmark.cpuSeconds();
        ALSModel model = als.fit(frame);
        List<Row> userRows = model.userFactors().collectAsList();
        List<Row> itemRows = model.itemFactors().collectAsList();
        double seconds = (System.nanoTime() - start) / 1e9;
        cpu = RecommendationBenchmark.cpuSeconds() - cpu;
        int k = config.rank();
        float[] users = new float[train.userCount() * k];
        float[] items = new float[train.itemCount() * k];
        copy(userRows, users, k);
        copy(itemRows, items, k);
        frame.unpersist();
        return new Fit(new Factors(k, users, items), seconds, cpu);
    }

    private static void copy(List<Row> rows, float[] into, int k) {
        for (Row row : rows) {
            int id = row.getInt(0);
            List<Object> features = row.getList(1);
            for (int i = 0; i < k; i++) {
                into[id * k + i] = ((Number) features.get(i)).floatValue();
            }
        }
    }

    @Override
    public void close() {
        spark.stop();
    }
}
