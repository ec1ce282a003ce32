package org.secretariat.platform.api.persistence;

import java.util.function.Function;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.EntityTransaction;

/**
 * Runs work in one resource-local transaction: committed when the work returns, rolled back when it
 * throws, so a failed write never leaves half a record behind.
 */
public final class Transactions {

    private Transactions() {
    }

    /** Runs {@code work} in a new transaction and entity manager, and answers its result. */
    public static <T> T inTransaction(EntityManagerFactory factory, Function<EntityManager, T> work) {
        EntityManager em = factory.createEntityManager();
        EntityTransaction tx = em.getTransaction();
        try {
            tx.begin();
            T result = work.apply(em);
            tx.commit();
            return result;
        } catch (RuntimeException | Error e) {
            if (tx.isActive()) {
                tx.rollback();
            }
            throw e;
        } finally {
            em.close();
        }
    }

    /** Runs read-only {@code work} with a fresh entity manager (no transaction). */
    public static <T> T read(EntityManagerFactory factory, Function<EntityManager, T> work) {
        EntityManager em = factory.createEntityManager();
        try {
            return work.apply(em);
        } finally {
            em.close();
        }
    }
}
