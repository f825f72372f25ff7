package io.tokenconsole.store;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Marks a class of the workspace contract suite: JUnit runs all of its tests once per {@link TestBackend},
 * injected into its {@code @Parameter TestBackend backend} field.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedClass(name = "on {0}")
@EnumSource(TestBackend.class)
public @interface OnBothBackends {
}
