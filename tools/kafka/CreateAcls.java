// Creates ACL bindings on a broker in one Admin call, for the test that runs the platform
// under the production ACLs (devtools: LocalKafka.create_acls). Run as a single-file source
// program with Kafka's jars on the class path:
//   java -cp '<libs>/*' CreateAcls.java admin.properties < bindings
// Each line of stdin: <principal> <TOPIC|GROUP|TRANSACTIONAL_ID> <LITERAL|PREFIXED> <name>
// <operation>, with Kafka's enum names (aiokafka cannot send CreateAcls to Kafka 4).
import java.io.BufferedReader;
import java.io.FileReader;
import java.io.InputStreamReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

public class CreateAcls {
  public static void main(String[] args) throws Exception {
    Properties config = new Properties();
    try (FileReader reader = new FileReader(args[0])) {
      config.load(reader);
    }
    List<AclBinding> bindings = new ArrayList<>();
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      if (line.isBlank()) {
        continue;
      }
      String[] f = line.trim().split("\\s+");
      ResourcePattern resource =
          new ResourcePattern(ResourceType.valueOf(f[1]), f[3], PatternType.valueOf(f[2]));
      AccessControlEntry entry =
          new AccessControlEntry(f[0], "*", AclOperation.valueOf(f[4]), AclPermissionType.ALLOW);
      bindings.add(new AclBinding(resource, entry));
    }
    try (Admin admin = Admin.create(config)) {
      admin.createAcls(bindings).all().get();
    }
    System.out.println("created " + bindings.size() + " ACL bindings");
  }
}
