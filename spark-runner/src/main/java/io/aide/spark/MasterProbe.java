package io.aide.spark;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/** Whether a standalone master answers at all, so a runner pointed at a stopped cluster says so at once. */
final class MasterProbe {

    private MasterProbe() {
    }

    /** Null when the master is not a standalone one or one of its addresses accepts a connection; else the reason. */
    static String unreachable(RunnerConfig config, int timeoutMillis) {
        List<InetSocketAddress> masters = config.standaloneMasters();
        if (masters.isEmpty()) {
            return null;
        }
        List<String> problems = new ArrayList<>();
        for (InetSocketAddress master : masters) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(master.getHostString(), master.getPort()), timeoutMillis);
                return null;
            } catch (IOException | IllegalArgumentException e) {
                problems.add(master.getHostString() + ":" + master.getPort() + " (" + e.getMessage() + ")");
            }
        }
        return "The Spark master " + config.master() + " is not reachable: " + String.join(", ", problems)
                + ". Start the cluster (./aide infra up starts one) or point AIDE_SPARK_MASTER at a running master.";
    }
}
