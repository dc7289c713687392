package luohu.nlu;

/** One segmented word, with its place in the normalised text and HanLP's part-of-speech tag. */
public record Token(String text, int start, int end, String nature) {
    public boolean punctuation() {
        return nature.startsWith("w");
    }
}
