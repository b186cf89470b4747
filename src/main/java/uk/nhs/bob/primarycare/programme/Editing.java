package uk.nhs.bob.primarycare.programme;

/**
 * Bean Validation group of the checks that apply only when a form edits something that exists, such as the version
 * it was read at ({@code @Validated({Default.class, Editing.class})} on the handler).
 */
public interface Editing {

}
