import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Health probe and topic set-up of the local broker.
 * Usage: KafkaAdmin ready BOOTSTRAP | KafkaAdmin topics BOOTSTRAP PARTITIONS TOPIC...
 */
public final class KafkaAdmin {

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: KafkaAdmin ready|topics BOOTSTRAP [PARTITIONS TOPIC...]");
            System.exit(2);
        }
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[1]);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "8000");
        if (args[0].equals("await")) {
            await(props, args);
            return;
        }
        try (Admin admin = Admin.create(props)) {
            if (args[0].equals("ready")) {
                int brokers = admin.describeCluster().nodes().get(8, TimeUnit.SECONDS).size();
                admin.listTopics().names().get(8, TimeUnit.SECONDS);
                System.exit(brokers > 0 ? 0 : 1);
            }
            createTopics(admin, Integer.parseInt(args[2]), args, 3);
        }
    }

    /** await BOOTSTRAP BROKER_PID TIMEOUT_S PARTITIONS TOPIC...: wait for the broker, then create the topics. */
    private static void await(Properties props, String[] args) throws Exception {
        long brokerPid = Long.parseLong(args[2]);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Long.parseLong(args[3]));
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "2000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "3000");
        props.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "200");
        try (Admin admin = Admin.create(props)) {
            while (true) {
                if (!ProcessHandle.of(brokerPid).map(ProcessHandle::isAlive).orElse(false)) {
                    System.err.println("broker process " + brokerPid + " exited");
                    System.exit(3);
                }
                try {
                    if (!admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty()) {
                        admin.listTopics().names().get(3, TimeUnit.SECONDS);
                        break;
                    }
                } catch (Exception notYet) {
                    // broker still starting
                }
                if (System.nanoTime() > deadline) {
                    System.err.println("broker not ready within " + args[3] + " s");
                    System.exit(4);
                }
                Thread.sleep(200);
            }
            createTopics(admin, Integer.parseInt(args[4]), args, 5);
        }
    }

    private static void createTopics(Admin admin, int partitions, String[] args, int first) throws Exception {
        {
            Set<String> existing = admin.listTopics().names().get(8, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (int i = first; i < args.length; i++) {
                if (!existing.contains(args[i])) {
                    missing.add(new NewTopic(args[i], partitions, (short) 1));
                }
            }
            for (NewTopic topic : missing) {
                try {
                    admin.createTopics(List.of(topic)).all().get(15, TimeUnit.SECONDS);
                    System.out.println("created topic " + topic.name());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        }
    }
}
