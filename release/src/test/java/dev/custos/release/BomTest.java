package dev.custos.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * custos-bom lists every published artifact and nothing else, at the build's version, and pins no
 * third-party version (it has no parent whose dependencyManagement an import would bring).
 */
class BomTest {
  @Test
  void bom_listsExactlyThePublishedArtifacts() throws Exception {
    List<String> listed = new ArrayList<>();
    for (Element dependency : bomDependencies()) {
      assertThat(Reactor.child(dependency, "groupId")).isEqualTo("dev.custos");
      assertThat(Reactor.child(dependency, "version")).isEqualTo("${project.version}");
      listed.add(Reactor.child(dependency, "artifactId"));
    }

    assertThat(listed)
        .containsExactlyInAnyOrderElementsOf(
            Reactor.publishedArtifacts().stream().map(Reactor.Module::artifactId).toList())
        .doesNotContain("custos-testing", "custos-benchmarks", "custos-example-bank");
  }

  @Test
  void bom_hasNoParentAndTheBuildsVersion() throws Exception {
    Element bom = Reactor.read(Reactor.ROOT.resolve("bom/pom.xml")).getDocumentElement();
    Element parent = Reactor.read(Reactor.ROOT.resolve("pom.xml")).getDocumentElement();

    assertThat(Reactor.childElement(bom, "parent")).isNull();
    assertThat(Reactor.child(bom, "version")).isEqualTo(Reactor.VERSION);
    for (String metadata : List.of("url", "licenses", "scm", "developers", "issueManagement")) {
      assertThat(Reactor.childElement(bom, metadata)).as(metadata).isNotNull();
      assertThat(Reactor.childElement(bom, metadata).getTextContent().replaceAll("\\s+", " "))
          .as(metadata)
          .isEqualTo(
              Reactor.childElement(parent, metadata).getTextContent().replaceAll("\\s+", " "));
    }
  }

  private static List<Element> bomDependencies() throws Exception {
    Element management =
        Reactor.childElement(
            Reactor.read(Reactor.ROOT.resolve("bom/pom.xml")).getDocumentElement(),
            "dependencyManagement");
    NodeList all = management.getElementsByTagName("dependency");
    List<Element> result = new ArrayList<>();
    for (int i = 0; i < all.getLength(); i++) {
      result.add((Element) all.item(i));
    }
    return result;
  }
}
