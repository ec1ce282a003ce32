package org.secretariat.platform.modules.impl;

import java.util.List;

/**
 * The durable record of module operations that makes them all or nothing across a crash: the intent
 * is written before the framework is touched, each step as it is done, and the end together with the
 * module's installed version. What is still running when the platform starts was interrupted.
 */
interface OperationJournal {

    /** Records the operation as running, before anything changes. */
    void begin(Plan plan, int stepsTotal);

    /** The default configurations the operation created (a put-back deletes them). */
    void configurationsCreated(String module, List<String> pids);

    /** One more step is done. */
    void stepDone(String module, int stepsDone);

    /** The operation is done: its end and the module's new installed version (or none) in one transaction. */
    void finish(Plan plan);

    /** The operation failed and the previous version was put back ({@code putBack}) or not. */
    void failed(String module, String outcome, boolean putBack);

    /** Operations still running: interrupted by a crash. */
    List<ModuleOperationRecord> unfinished();

    /** An interrupted operation was put back at start ({@code recovered}) or could not be. */
    void recovered(String module, String outcome, boolean recovered);
}
