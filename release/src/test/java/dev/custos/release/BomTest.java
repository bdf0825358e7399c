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

  @Test
  void examples_importAndNameTheBuildsVersion() throws Exception {
    Element bomExample =
        Reactor.read(Reactor.ROOT.resolve("bom/example/pom.xml")).getDocumentElement();
    Element kitExample =
        Reactor.read(Reactor.ROOT.resolve("kit/example/pom.xml")).getDocumentElement();

    Element imported =
        (Element)
            Reactor.childElement(bomExample, "dependencyManagement")
                .getElementsByTagName("dependency")
                .item(0);
    assertThat(Reactor.child(imported, "artifactId")).isEqualTo("custos-bom");
    assertThat(Reactor.child(imported, "version")).isEqualTo(Reactor.VERSION);
    assertThat(Reactor.child(Reactor.childElement(kitExample, "properties"), "custos.version"))
        .isEqualTo(Reactor.VERSION);
    // The BOM example names Custos's modules without versions: the BOM gives them.
    NodeList dependencies =
        Reactor.childElement(bomExample, "dependencies").getElementsByTagName("dependency");
    for (int i = 0; i < dependencies.getLength(); i++) {
      assertThat(Reactor.child((Element) dependencies.item(i), "version")).isEmpty();
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
