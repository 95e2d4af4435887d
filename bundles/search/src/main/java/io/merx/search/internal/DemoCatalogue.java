package io.merx.search.internal;

import java.util.List;
import java.util.Locale;
import java.util.Random;

import io.merx.api.Dataset;

/**
 * A small shop's catalogue, generated the same way for a given seed: products of 24 types in 6 categories, each a
 * brand, a colour and the type's name, described in the type's own words. Some words shoppers use are never in
 * the texts ("sneakers" for running shoes, "couch" for a sofa, "cellphone" for a smartphone), so BM25 cannot find
 * those products by them and embeddings can. About one product in twelve is unavailable.
 */
final class DemoCatalogue {

    /** One product type: its category, its name (in every title) and how its descriptions put it. */
    private record Type(String category, String name, String description) {
    }

    private static final List<Type> TYPES = List.of(
            new Type("footwear", "Running Shoes", "Lightweight cushioned shoes for jogging and road running, with a breathable mesh upper."),
            new Type("footwear", "Hiking Boots", "Waterproof leather boots with ankle support and a lugged sole for mountain trails."),
            new Type("footwear", "Sandals", "Open-toe summer sandals with adjustable straps and a contoured footbed."),
            new Type("footwear", "Slippers", "Soft fleece-lined house slippers with a non-slip sole."),
            new Type("furniture", "Sofa", "Three-seat upholstered sofa with deep cushions for the living room."),
            new Type("furniture", "Armchair", "Upholstered armchair with a high back and solid oak legs."),
            new Type("furniture", "Dining Table", "Extendable solid wood dining table that seats six."),
            new Type("furniture", "Bookshelf", "Five-tier bookshelf in engineered wood for books and display."),
            new Type("kitchen", "Skillet", "Pre-seasoned cast iron skillet for searing, oven safe up to 260 degrees."),
            new Type("kitchen", "Electric Kettle", "Boils 1.7 litres of water in minutes, with automatic shut-off."),
            new Type("kitchen", "Chef Knife", "Forged stainless steel chef knife with a 20 cm blade."),
            new Type("kitchen", "Blender", "Countertop blender with a 1.5 litre jug for smoothies and soups."),
            new Type("electronics", "Smartphone", "Unlocked mobile phone with a 6.1 inch display, dual camera and all-day battery."),
            new Type("electronics", "Headphones", "Over-ear wireless headphones with active noise cancelling."),
            new Type("electronics", "Laptop", "Portable computer with a 14 inch screen, 16 GB memory and 512 GB storage."),
            new Type("electronics", "Smartwatch", "Fitness tracker watch with heart-rate sensor and GPS."),
            new Type("clothing", "T-Shirt", "Short-sleeve crew-neck top in organic cotton."),
            new Type("clothing", "Raincoat", "Waterproof hooded coat with taped seams for wet weather."),
            new Type("clothing", "Jeans", "Slim-fit denim trousers with a little stretch."),
            new Type("clothing", "Sweater", "Merino wool pullover with a ribbed hem."),
            new Type("outdoor", "Tent", "Two-person dome tent for camping, pitches in five minutes."),
            new Type("outdoor", "Sleeping Bag", "Mummy sleeping bag rated to minus five degrees."),
            new Type("outdoor", "Backpack", "35 litre daypack with a padded hip belt and rain cover."),
            new Type("outdoor", "Water Bottle", "Insulated stainless steel bottle that keeps drinks cold for 24 hours."));

    private static final List<String> BRANDS = List.of("Northpeak", "Aurora", "Bramble", "Corvid", "Halcyon",
            "Kestrel", "Meridian", "Tidewater");
    private static final List<String> COLOURS = List.of("Black", "Navy", "Grey", "Red", "Olive", "White", "Teal",
            "Sand");
    private static final List<String> EXTRAS = List.of("Free returns within 30 days.", "Two-year warranty.",
            "Ships in recycled packaging.", "Bestseller this season.", "Limited edition.", "");

    private DemoCatalogue() {
    }

    /**
     * The catalogue: columns {@code id, title, description, category, available}.
     *
     * @param products how many products, cycling through the types so every type has about as many
     * @param seed seed of brands, colours and availability
     */
    static Dataset generate(int products, long seed) {
        Random random = new Random(seed);
        String[] ids = new String[products];
        String[] titles = new String[products];
        String[] descriptions = new String[products];
        String[] categories = new String[products];
        String[] available = new String[products];
        for (int i = 0; i < products; i++) {
            Type type = TYPES.get(i % TYPES.size());
            String brand = BRANDS.get(random.nextInt(BRANDS.size()));
            String colour = COLOURS.get(random.nextInt(COLOURS.size()));
            ids[i] = String.format(Locale.ROOT, "P%04d", i + 1);
            titles[i] = brand + " " + colour + " " + type.name();
            descriptions[i] = (type.description() + " " + EXTRAS.get(random.nextInt(EXTRAS.size()))).strip();
            categories[i] = type.category();
            available[i] = random.nextInt(12) == 0 ? "false" : "true";
        }
        return Dataset.builder().strings("id", ids).strings("title", titles).strings("description", descriptions)
                .strings("category", categories).strings("available", available).build();
    }
}
