import java.util.Map;
import java.util.Set;
import racecourse.grader.api.Contract;

/** The methods the learner's {@code IconCatalog} must have; tests call it through this interface. */
@Contract("IconCatalog")
public interface IconCatalogContract {
    int size(String name);

    Set<String> names();

    Map<String, Integer> asMap();
}
