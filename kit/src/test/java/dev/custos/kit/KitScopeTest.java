package dev.custos.kit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The kit stays in tests: no module of the build depends on it outside test scope (but the Spring
 * test starter, itself a test-scope artifact), and its framework adapters are optional, so a user's
 * main classpath never holds it.
 */
class KitScopeTest {
  private static final Path ROOT = Path.of("..");

  @Test
  void everyModule_dependsOnTheKitInTestScopeOnly() throws Exception {
    List<String> users = new ArrayList<>();
    for (Path pom : reactorPoms(ROOT)) {
      Document doc = read(pom);
      String artifact = text(doc.getDocumentElement(), "artifactId");
      for (Element dependency : dependencies(doc)) {
        if (text(dependency, "artifactId").equals("custos-test-kit")) {
          users.add(artifact);
          if (!artifact.equals("custos-spring-boot-starter-test")) {
            assertThat(text(dependency, "scope")).as(pom.toString()).isEqualTo("test");
          }
        }
      }
    }
    assertThat(users).contains("custos-kit-example", "custos-spring-boot-starter-test");
  }

  @Test
  void kit_propertyAndAssertionFrameworks_optional() throws Exception {
    for (Element dependency : dependencies(read(Path.of("pom.xml")))) {
      String artifact = text(dependency, "artifactId");
      if (artifact.equals("quicktheories") || artifact.equals("assertj-core")) {
        assertThat(text(dependency, "optional")).as(artifact).isEqualTo("true");
      }
    }
  }

  private static List<Path> reactorPoms(Path dir) throws Exception {
    List<Path> poms = new ArrayList<>();
    Path pom = dir.resolve("pom.xml");
    poms.add(pom);
    NodeList modules = read(pom).getElementsByTagName("module");
    for (int i = 0; i < modules.getLength(); i++) {
      Path module = dir.resolve(modules.item(i).getTextContent().trim());
      if (Files.exists(module.resolve("pom.xml"))) {
        poms.addAll(reactorPoms(module));
      }
    }
    return poms;
  }

  private static Document read(Path pom) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(pom.toFile());
  }

  /** The project's own dependencies, not its dependency management's. */
  private static List<Element> dependencies(Document doc) {
    List<Element> result = new ArrayList<>();
    NodeList all = doc.getElementsByTagName("dependency");
    for (int i = 0; i < all.getLength(); i++) {
      Element dependency = (Element) all.item(i);
      Element parent = (Element) dependency.getParentNode().getParentNode();
      if (!parent.getTagName().equals("dependencyManagement")) {
        result.add(dependency);
      }
    }
    return result;
  }

  private static String text(Element element, String child) {
    for (org.w3c.dom.Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(child)) {
        return e.getTextContent().trim();
      }
    }
    return "";
  }
}
