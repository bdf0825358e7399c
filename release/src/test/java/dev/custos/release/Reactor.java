package dev.custos.release;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** The build's modules as their POMs declare them, read from the checkout. */
final class Reactor {
  static final Path ROOT = Path.of("..");
  static final String VERSION = System.getProperty("custos.version");

  /** One module: where it is, what it is called, how it is packaged, whether it is published. */
  record Module(Path dir, String artifactId, String packaging, boolean published) {
    Path target() {
      return dir.resolve("target");
    }
  }

  private Reactor() {}

  /** Every module of the build, the root's and its children's, depth first. */
  static List<Module> modules() throws Exception {
    List<Module> modules = new ArrayList<>();
    collect(ROOT, modules);
    return modules;
  }

  /** The modules whose artifacts a release publishes, parents and the BOM excluded. */
  static List<Module> publishedArtifacts() throws Exception {
    return modules().stream().filter(m -> m.published() && m.packaging().equals("jar")).toList();
  }

  private static void collect(Path dir, List<Module> into) throws Exception {
    Document pom = read(dir.resolve("pom.xml"));
    Element project = pom.getDocumentElement();
    String packaging = child(project, "packaging");
    Element properties = childElement(project, "properties");
    String unpublished = properties == null ? "" : child(properties, "custos.unpublished");
    boolean hasParent = childElement(project, "parent") != null;
    into.add(
        new Module(
            dir,
            child(project, "artifactId"),
            packaging.isEmpty() ? "jar" : packaging,
            // A project without our parent (an example) is not published unless it is the BOM.
            !unpublished.equals("true")
                && (hasParent || child(project, "artifactId").equals("custos-bom"))
                && !child(childElement(project, "properties"), "maven.deploy.skip")
                    .equals("true")));
    Element modules = childElement(project, "modules");
    if (modules == null) {
      return;
    }
    NodeList names = modules.getElementsByTagName("module");
    for (int i = 0; i < names.getLength(); i++) {
      Path module = dir.resolve(names.item(i).getTextContent().trim()).normalize();
      if (Files.exists(module.resolve("pom.xml"))) {
        collect(module, into);
      }
    }
  }

  static Document read(Path xml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(xml.toFile());
  }

  static Element childElement(Element parent, String name) {
    if (parent == null) {
      return null;
    }
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(name)) {
        return e;
      }
    }
    return null;
  }

  static String child(Element parent, String name) {
    Element e = childElement(parent, name);
    return e == null ? "" : e.getTextContent().trim();
  }
}
