package dev.paperboy.jobs;

import java.time.Duration;
import java.time.Instant;

/** Named leases held by one holder at a time across processes: single-flight for long jobs. A holder may take its own lease again. */
public interface Leases {

    /** Takes the lease when it is free, expired or already ours; true when we now hold it. */
    boolean tryAcquire(String name, String holder, Duration ttl, Instant now);

    /** Extends our lease; false when it is no longer ours (it expired and someone else took it). */
    boolean renew(String name, String holder, Duration ttl, Instant now);

    /** Gives the lease up if we hold it. */
    void release(String name, String holder);
}
