print(open("words.txt").read().split())
