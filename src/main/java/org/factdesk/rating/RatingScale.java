package org.factdesk.rating;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** An ordered set of ratings; the desk uses one active scale at a time. */
@Entity
public class RatingScale extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String name;

    public boolean active;

    public Instant createdAt;

    @Version
    public long version;

    @OneToMany(mappedBy = "scale", cascade = CascadeType.PERSIST)
    @OrderBy("position")
    public List<Rating> ratings = new ArrayList<>();

    /** The highest number on the scale (ClaimReview {@code bestRating}); off-scale ratings carry none. */
    public Integer bestRating() {
        return ratings.stream().map(r -> r.value).filter(Objects::nonNull).max(Integer::compare).orElse(null);
    }

    /** The lowest number on the scale (ClaimReview {@code worstRating}). */
    public Integer worstRating() {
        return ratings.stream().map(r -> r.value).filter(Objects::nonNull).min(Integer::compare).orElse(null);
    }

    public static RatingScale findActive() {
        return find("active", true).firstResult();
    }
}
