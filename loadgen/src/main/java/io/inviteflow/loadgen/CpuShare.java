package io.inviteflow.loadgen;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Who used the machine's CPU during a measurement: the whole machine (Linux {@code /proc/stat}) and this load
 * generator (its own process CPU time); the rest is the stack under test. On a machine the load generator shares,
 * this separates what the product costs from what measuring it costs.
 */
final class CpuShare {

    private final long[] machine;
    private final long ownNanos;
    private final long wallNanos;

    private CpuShare(long[] machine, long ownNanos, long wallNanos) {
        this.machine = machine;
        this.ownNanos = ownNanos;
        this.wallNanos = wallNanos;
    }

    /** @param stackCpuMillis CPU time the stack used; the percentages are of all cores over the measurement */
    record Split(double busyPercent, double loadGeneratorPercent, double stackPercent, double stackCpuMillis) {
    }

    static CpuShare start() {
        return new CpuShare(machine(), ownCpuNanos(), System.nanoTime());
    }

    Split stop() {
        long[] now = machine();
        double busyJiffies = now[0] - machine[0];
        double totalJiffies = now[1] - machine[1];
        double cores = Runtime.getRuntime().availableProcessors();
        double wallMillis = (System.nanoTime() - wallNanos) / 1e6;
        double busyMillis = totalJiffies == 0 ? 0 : busyJiffies / totalJiffies * wallMillis * cores;
        double ownMillis = (ownCpuNanos() - ownNanos) / 1e6;
        double capacity = wallMillis * cores;
        double stackMillis = Math.max(0, busyMillis - ownMillis);
        return new Split(100 * busyMillis / capacity, 100 * ownMillis / capacity, 100 * stackMillis / capacity,
                stackMillis);
    }

    private static long ownCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** Busy and total jiffies of all CPUs: the first line of /proc/stat. */
    private static long[] machine() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long user = Long.parseLong(f[1]);
            long nice = Long.parseLong(f[2]);
            long system = Long.parseLong(f[3]);
            long idle = Long.parseLong(f[4]);
            long iowait = Long.parseLong(f[5]);
            long irq = Long.parseLong(f[6]);
            long softirq = Long.parseLong(f[7]);
            long steal = f.length > 8 ? Long.parseLong(f[8]) : 0;
            long busy = user + nice + system + irq + softirq + steal;
            return new long[]{busy, busy + idle + iowait};
        } catch (IOException e) {
            throw new UncheckedIOException("this benchmark reads /proc/stat (Linux)", e);
        }
    }
}
