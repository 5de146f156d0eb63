package dev.loopsim.users.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * A MovieLens ratings log in the ml-latest-small layout ({@code movies.csv}:
 * movieId,title,genres with genres separated by '|'; {@code ratings.csv}:
 * userId,movieId,rating,timestamp), summarised for calibration: each movie's genres, number of
 * ratings and mean rating, and each user's share of ratings per genre. Movies without genres
 * are left out. The bundled copy is GroupLens' ml-latest-small (see its README for the licence).
 *
 * @param genres     genre labels, in order of first appearance
 * @param movies     movies with at least one rating and one genre, most-rated first (ties by id)
 * @param userShares per user, the share of their ratings in each genre (a rating of a k-genre movie counts 1/k to each)
 */
public record MovieLens(List<String> genres, List<Movie> movies, List<double[]> userShares) {

    /**
     * @param id      MovieLens movieId
     * @param genres  genre indexes
     * @param ratings number of ratings
     * @param mean    mean rating (0.5 to 5 stars)
     */
    public record Movie(int id, int[] genres, int ratings, double mean) { }

    private static final String BUNDLED = "/dev/loopsim/users/data/ml-latest-small/";

    /** The copy of ml-latest-small that ships with loopsim. */
    public static MovieLens bundled() {
        return read("(bundled) ml-latest-small/movies.csv", open(BUNDLED + "movies.csv"),
                "(bundled) ml-latest-small/ratings.csv", open(BUNDLED + "ratings.csv"));
    }

    /** A folder holding movies.csv and ratings.csv. */
    public static MovieLens read(Path folder) {
        Path movies = folder.resolve("movies.csv");
        Path ratings = folder.resolve("ratings.csv");
        for (Path file : List.of(movies, ratings)) {
            if (!Files.isRegularFile(file)) {
                throw new DataFileException(file.toString(), 0, "no such file (a MovieLens folder holds movies.csv and ratings.csv)");
            }
        }
        try {
            return read(movies.toString(), Files.newInputStream(movies), ratings.toString(), Files.newInputStream(ratings));
        } catch (IOException e) {
            throw new DataFileException(folder.toString(), 0, "cannot read: " + e.getMessage());
        }
    }

    private static InputStream open(String resource) {
        InputStream in = MovieLens.class.getResourceAsStream(resource);
        if (in == null) {
            throw new DataFileException(resource, 0, "the bundled MovieLens copy is missing from the jar");
        }
        return in;
    }

    private static MovieLens read(String moviesName, InputStream moviesIn, String ratingsName, InputStream ratingsIn) {
        Map<String, Integer> genreIndex = new LinkedHashMap<>();
        Map<Integer, int[]> movieGenres = new HashMap<>();
        for (CSVRecord row : records(moviesName, moviesIn, "movieId", "title", "genres")) {
            int id = integer(moviesName, row, "movieId");
            String listed = row.get("genres").trim();
            if (listed.isEmpty() || listed.equals("(no genres listed)")) {
                continue;
            }
            int[] genres = Arrays.stream(listed.split("\\|"))
                    .mapToInt(g -> genreIndex.computeIfAbsent(g, key -> genreIndex.size())).distinct().toArray();
            movieGenres.put(id, genres);
        }
        Map<Integer, double[]> ratingSums = new HashMap<>(); // movieId -> {count, sum}
        Map<Integer, double[]> userGenres = new LinkedHashMap<>(); // userId -> genre weights (count at index G)
        int g = genreIndex.size();
        for (CSVRecord row : records(ratingsName, ratingsIn, "userId", "movieId", "rating", "timestamp")) {
            int user = integer(ratingsName, row, "userId");
            int movie = integer(ratingsName, row, "movieId");
            double rating = number(ratingsName, row, "rating");
            if (!(rating >= 0 && rating <= 5)) {
                throw new DataFileException(ratingsName, row.getRecordNumber() + 1, "rating must be in [0, 5], found " + rating);
            }
            int[] genres = movieGenres.get(movie);
            if (genres == null) {
                continue; // a movie without genres, or not in movies.csv
            }
            double[] sum = ratingSums.computeIfAbsent(movie, key -> new double[2]);
            sum[0]++;
            sum[1] += rating;
            double[] shares = userGenres.computeIfAbsent(user, key -> new double[g + 1]);
            for (int genre : genres) {
                shares[genre] += 1.0 / genres.length;
            }
            shares[g]++;
        }
        List<Movie> movies = new ArrayList<>();
        ratingSums.forEach((id, sum) -> movies.add(new Movie(id, movieGenres.get(id), (int) sum[0], sum[1] / sum[0])));
        movies.sort((a, b) -> a.ratings() != b.ratings() ? Integer.compare(b.ratings(), a.ratings()) : Integer.compare(a.id(), b.id()));
        List<double[]> shares = new ArrayList<>();
        for (double[] weights : userGenres.values()) {
            double[] share = new double[g];
            for (int k = 0; k < g; k++) {
                share[k] = weights[k] / weights[g];
            }
            shares.add(share);
        }
        if (movies.isEmpty()) {
            throw new DataFileException(ratingsName, 0, "no ratings of movies with genres");
        }
        return new MovieLens(List.copyOf(genreIndex.keySet()), List.copyOf(movies), List.copyOf(shares));
    }

    private static Iterable<CSVRecord> records(String name, InputStream in, String... header) {
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
        try {
            var parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build().parse(reader);
            List<String> found = parser.getHeaderNames();
            for (String column : header) {
                if (!found.contains(column)) {
                    throw new DataFileException(name, 1, "expected a header with " + String.join(",", header) + ", found " + found);
                }
            }
            List<CSVRecord> rows = new ArrayList<>();
            try (parser) {
                for (CSVRecord row : parser) {
                    if (!row.isConsistent()) {
                        throw new DataFileException(name, row.getRecordNumber() + 1, "expected " + header.length
                                + " fields, found " + row.size());
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new DataFileException(name, 0, "not readable as CSV: " + e.getMessage());
        }
    }

    private static int integer(String name, CSVRecord row, String column) {
        try {
            return Integer.parseInt(row.get(column).trim());
        } catch (NumberFormatException e) {
            throw new DataFileException(name, row.getRecordNumber() + 1, column + " must be a whole number, found '" + row.get(column) + "'");
        }
    }

    private static double number(String name, CSVRecord row, String column) {
        try {
            return Double.parseDouble(row.get(column).trim());
        } catch (NumberFormatException e) {
            throw new DataFileException(name, row.getRecordNumber() + 1, column + " must be a number, found '" + row.get(column) + "'");
        }
    }

    /**
     * The Dirichlet that members' genre tastes follow, fitted by the method of moments: mean
     * shares m_g, and a precision s with Var(θ_g) = m_g(1 − m_g)/(s + 1), taken as the median
     * over genres of m_g(1 − m_g)/Var_g − 1. Returns α_g = s·m_g (floored at 1e-3).
     */
    public double[] tasteDirichlet() {
        int g = genres.size();
        int n = userShares.size();
        double[] mean = new double[g];
        for (double[] share : userShares) {
            for (int k = 0; k < g; k++) {
                mean[k] += share[k] / n;
            }
        }
        double[] variance = new double[g];
        for (double[] share : userShares) {
            for (int k = 0; k < g; k++) {
                variance[k] += (share[k] - mean[k]) * (share[k] - mean[k]) / (n - 1);
            }
        }
        double[] precisions = new double[g];
        for (int k = 0; k < g; k++) {
            precisions[k] = variance[k] > 0 ? mean[k] * (1 - mean[k]) / variance[k] - 1 : Double.POSITIVE_INFINITY;
        }
        double[] sorted = precisions.clone();
        Arrays.sort(sorted);
        double precision = Math.max(sorted[g / 2], 0.1);
        double[] alpha = new double[g];
        for (int k = 0; k < g; k++) {
            alpha[k] = Math.max(precision * mean[k], 1e-3);
        }
        return alpha;
    }
}
